// The "Ondersteuning" section of the volunteer page: the VOG with until when it is valid (and
// plainly when it has expired), trainings with the required ones, intervision, conversations about
// the strain and this year's allowance; each form sends record_support the one change it makes, in
// the shape the backend wants, shows the backend's refusals at the field, confirms the save, and
// makes the page's signals load again.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import type { SupportInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, refusal, STATEMENTS, SUPPORT, supportAfter, TODAY } from '../../test/fakeBackend';
import VolunteerPage from '../volunteers/VolunteerPage.svelte';

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function rows(testid: string): string[][] {
  return screen
    .getAllByTestId(testid)
    .map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
}

async function renderPage() {
  const backend = fakeBackend();
  setBackend(backend);
  render(VolunteerPage, { id: 'v-anna', today: TODAY });
  await screen.findByTestId('vog-date');
  return backend;
}

/** The ja (0) or nee (1) radio of statement `index`. */
function answerRadio(index: number, choice: 'ja' | 'nee'): HTMLInputElement {
  const radios = screen.getAllByTestId('check-in-answer') as HTMLInputElement[];
  return radios[index * 2 + (choice === 'ja' ? 0 : 1)]!;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'volunteer', id: 'v-anna' });
});

describe('support section', () => {
  it('shows the VOG, says plainly that it has expired, and marks a missing required training', async () => {
    const backend = await renderPage();
    expect(backend.volunteerSupport).toHaveBeenCalledWith('v-anna');

    const section = screen.getByTestId('volunteer-support');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Ondersteuning');
    expect(screen.getByTestId('vog-current').textContent).toBe('01-10-2022');
    expect(screen.getByTestId('vog-expires').textContent).toBe('01-10-2025');
    expect(screen.getByTestId('vog-expired').textContent).toContain('Hij is nu verlopen. Vraag een nieuwe VOG aan.');
    expect(input('vog-date').value).toBe('01-10-2022');

    const required = screen.getByTestId('required-training');
    expect(required.textContent).toContain('Omgaan met schulden');
    expect(required.textContent).toContain('voor Thuisadministratie');
    expect(required.textContent).toContain('ontbreekt nog');
    expect(required.classList.contains('required-missing')).toBe(true);
    expect(rows('training-row')).toEqual([['15-03-2024', 'Basistraining']]);
  });

  it('does not call a VOG expired on its last valid day, and says when there is none', async () => {
    setBackend(fakeBackend({ volunteerSupport: async () => ({ ...structuredClone(SUPPORT), vogDate: '2022-11-26', vogExpires: TODAY }) }));
    const { unmount } = render(VolunteerPage, { id: 'v-anna', today: TODAY });
    expect((await screen.findByTestId('vog-expires')).textContent).toBe('26-11-2025');
    expect(screen.queryByTestId('vog-expired')).toBeNull();
    unmount();

    setBackend(fakeBackend({ volunteerSupport: async () => ({ ...structuredClone(SUPPORT), vogDate: null, vogExpires: null }) }));
    render(VolunteerPage, { id: 'v-anna', today: TODAY });
    expect((await screen.findByTestId('vog-current')).textContent).toBe('Er is nog geen VOG vastgelegd.');
    expect(input('vog-date').value).toBe('');
  });

  it('lists intervision newest first, the check-ins in plain words, and this year’s allowance in euros', async () => {
    await renderPage();
    expect(rows('supervision-row')).toEqual([
      ['14-10-2025', 'intervisie', 'Groep Noord'],
      ['03-06-2025', 'supervisie', ''],
    ]);
    expect(rows('check-in-row')).toEqual([
      ['10-09-2025', '6 van de 12 keer ja', 'goed om over te praten', 'Afgesproken: minder dossiers.'],
      ['01-03-2025', '2 van de 12 keer ja', 'gaat goed', ''],
    ]);
    // Only this year's months; December 2024 stays out.
    expect(rows('allowance-row')).toEqual([
      ['november 2025', '€ 105,50'],
      ['oktober 2025', '€ 210,00'],
    ]);
    expect(screen.getByTestId('allowance-total').textContent).toBe('€ 315,50');
    expect(input('allowance-month').value).toBe('11-2025');
  });

  it('words the top band as time for a conversation, never as a diagnosis', async () => {
    const support = structuredClone(SUPPORT);
    support.checkIns = [{ date: '2025-11-20', answers: Array(12).fill(true), yes: 12, band: 'high', note: null }];
    setBackend(fakeBackend({ volunteerSupport: async () => support }));
    render(VolunteerPage, { id: 'v-anna', today: TODAY });
    expect((await screen.findByTestId('check-in-band')).textContent).toBe('tijd voor een gesprek');
    expect(screen.getByTestId('check-in-row').textContent).toContain('12 van de 12 keer ja');
  });

  it('sends a VOG date, and an empty one to remove it', async () => {
    const backend = await renderPage();
    await userEvent.clear(input('vog-date'));
    await userEvent.type(input('vog-date'), '15-11-2025');
    await userEvent.click(screen.getByTestId('vog-save'));

    expect(backend.recordSupport).toHaveBeenCalledWith('v-anna', { type: 'vog', date: '15-11-2025' } satisfies SupportInput);
    expect((await screen.findByTestId('support-saved')).textContent).toBe('De VOG van 15-11-2025 is opgeslagen. Geldig tot en met 15-11-2028.');
    expect(screen.getByTestId('vog-expires').textContent).toBe('15-11-2028');
    expect(screen.queryByTestId('vog-expired')).toBeNull();

    await userEvent.clear(input('vog-date'));
    await userEvent.click(screen.getByTestId('vog-save'));
    expect(backend.recordSupport).toHaveBeenLastCalledWith('v-anna', { type: 'vog', date: '' });
    await waitFor(() => expect(screen.getByTestId('support-saved').textContent).toBe('De VOG is verwijderd.'));
    expect(screen.getByTestId('vog-current').textContent).toBe('Er is nog geen VOG vastgelegd.');
  });

  it('shows a refused VOG date at the field', async () => {
    const backend = await renderPage();
    backend.recordSupport.mockRejectedValueOnce(
      refusal({ field: 'vogDate', reason: 'in_future', message: 'De datum van de VOG ligt in de toekomst.', messageEn: 'The date is in the future.' }),
    );
    await userEvent.clear(input('vog-date'));
    await userEvent.type(input('vog-date'), '01-01-2030');
    await userEvent.click(screen.getByTestId('vog-save'));

    const error = await screen.findByTestId('vog-error');
    expect(error.textContent).toContain('ligt in de toekomst');
    expect(input('vog-date').getAttribute('aria-invalid')).toBe('true');
    expect(input('vog-date').getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.queryByTestId('support-saved')).toBeNull();
  });

  it('adds a training, which then counts for the required one', async () => {
    const backend = await renderPage();
    expect(input('training-date').value).toBe('26-11-2025');
    await userEvent.type(input('training-name'), 'Omgaan met schulden');
    await userEvent.clear(input('training-date'));
    await userEvent.type(input('training-date'), '20-11-2025');
    await userEvent.click(screen.getByTestId('training-save'));

    expect(backend.recordSupport).toHaveBeenCalledWith('v-anna', { type: 'training', name: 'Omgaan met schulden', date: '20-11-2025' });
    expect((await screen.findByTestId('support-saved')).textContent).toBe('De training Omgaan met schulden is opgeslagen.');
    expect(screen.getByTestId('required-training').textContent).toContain('gedaan');
    expect(rows('training-row')).toEqual([
      ['20-11-2025', 'Omgaan met schulden'],
      ['15-03-2024', 'Basistraining'],
    ]);
    // Ready for the next one.
    expect(input('training-name').value).toBe('');
  });

  it('shows a training refusal at its field', async () => {
    await renderPage();
    await userEvent.click(screen.getByTestId('training-save'));
    const error = await screen.findByTestId('training-error-name');
    expect(error.textContent).toContain('Vul dit in.');
    await waitFor(() => expect(document.activeElement).toBe(input('training-name')));
  });

  it('adds intervision or supervision with its kind and note', async () => {
    const backend = await renderPage();
    const kinds = Array.from((screen.getByTestId('supervision-kind') as HTMLSelectElement).options).map((o) => [o.value, o.textContent]);
    expect(kinds).toEqual([
      ['intervision', 'intervisie'],
      ['supervision', 'supervisie'],
    ]);
    await userEvent.clear(input('supervision-date'));
    await userEvent.type(input('supervision-date'), '24-11-2025');
    await userEvent.selectOptions(screen.getByTestId('supervision-kind'), 'supervision');
    await userEvent.type(screen.getByTestId('supervision-note'), 'Met Petra besproken');
    expect(screen.getByTestId('supervision-note-count').textContent?.trim()).toBe('19 / 1.000 tekens');
    await userEvent.click(screen.getByTestId('supervision-save'));

    expect(backend.recordSupport).toHaveBeenCalledWith('v-anna', {
      type: 'supervision',
      date: '24-11-2025',
      kind: 'supervision',
      note: 'Met Petra besproken',
    });
    expect((await screen.findByTestId('support-saved')).textContent).toBe('Supervisie van 24-11-2025 is opgeslagen.');
    expect(rows('supervision-row')[0]).toEqual(['24-11-2025', 'supervisie', 'Met Petra besproken']);
  });

  it('records a month of allowance and shows it in euros', async () => {
    const backend = await renderPage();
    await userEvent.clear(input('allowance-month'));
    await userEvent.type(input('allowance-month'), '09-2025');
    await userEvent.type(input('allowance-amount'), '87,25');
    await userEvent.click(screen.getByTestId('allowance-save'));

    expect(backend.recordSupport).toHaveBeenCalledWith('v-anna', { type: 'allowance', month: '09-2025', amount: '87,25' });
    expect((await screen.findByTestId('support-saved')).textContent).toBe('De vergoeding voor september 2025 is opgeslagen: € 87,25.');
    expect(rows('allowance-row')).toEqual([
      ['november 2025', '€ 105,50'],
      ['oktober 2025', '€ 210,00'],
      ['september 2025', '€ 87,25'],
    ]);
  });

  it('shows a refused amount at the amount field', async () => {
    await renderPage();
    await userEvent.type(input('allowance-amount'), 'veel');
    await userEvent.click(screen.getByTestId('allowance-save'));
    const error = await screen.findByTestId('allowance-error-amount');
    expect(error.textContent).toContain("'veel' is geen bedrag");
    await waitFor(() => expect(document.activeElement).toBe(input('allowance-amount')));
    expect(screen.queryByTestId('allowance-error-month')).toBeNull();
  });

  it('reloads the signals on the page after a save: they may have changed', async () => {
    const backend = await renderPage();
    await screen.findByTestId('volunteer-signals');
    expect(backend.volunteerSignals).toHaveBeenCalledTimes(1);
    await userEvent.type(input('allowance-amount'), '10');
    await userEvent.click(screen.getByTestId('allowance-save'));
    await screen.findByTestId('support-saved');
    await waitFor(() => expect(backend.volunteerSignals).toHaveBeenCalledTimes(2));
    expect(backend.volunteerSignals).toHaveBeenLastCalledWith('v-anna');
  });
});

describe('conversation about the strain', () => {
  it('opens a form with the twelve statements, each a ja/nee pair in its own fieldset', async () => {
    await renderPage();
    expect(screen.queryByTestId('check-in-form')).toBeNull();
    await userEvent.click(screen.getByTestId('new-check-in'));

    const form = screen.getByTestId('check-in-form');
    expect(screen.getByTestId('check-in-intro').textContent).toBe(
      'Doe dit samen met de vrijwilliger. Het is geen test en geen diagnose: het helpt jullie te zien of het tijd is voor een gesprek.',
    );
    const statements = within(form).getAllByTestId('check-in-statement');
    expect(statements).toHaveLength(12);
    expect(statements.every((s) => s.tagName === 'FIELDSET')).toBe(true);
    expect(statements[0]!.querySelector('legend')?.textContent?.trim()).toBe(`1. ${STATEMENTS[0]!.nl}`);
    expect(statements[11]!.querySelector('legend')?.textContent?.trim()).toBe(`12. ${STATEMENTS[11]!.nl}`);
    // Each pair is one radio group named by its statement; nothing is answered beforehand.
    const first = within(statements[0]!).getAllByTestId('check-in-answer') as HTMLInputElement[];
    expect(first.map((r) => [r.type, r.closest('label')?.textContent?.trim(), r.checked])).toEqual([
      ['radio', 'ja', false],
      ['radio', 'nee', false],
    ]);
    expect(first[0]!.name).toBe(first[1]!.name);
    expect(screen.getByRole('group', { name: `1. ${STATEMENTS[0]!.nl}` })).toBe(statements[0]);
    expect(input('check-in-date').value).toBe('26-11-2025');
    await waitFor(() => expect(document.activeElement).toBe(first[0]));
  });

  it('sends the twelve answers in order with the date and note, and says what the result means', async () => {
    const backend = await renderPage();
    await userEvent.click(screen.getByTestId('new-check-in'));
    const yes = new Set([0, 2, 3, 7, 8, 10]);
    for (let i = 0; i < 12; i++) await userEvent.click(answerRadio(i, yes.has(i) ? 'ja' : 'nee'));
    await userEvent.type(screen.getByTestId('check-in-note'), 'Minder bezoeken afgesproken.');
    expect(screen.getByTestId('check-in-note').getAttribute('aria-describedby')).toBe('ci-note-help ci-note-count');
    expect(screen.getByTestId('check-in-note-count').textContent?.trim()).toBe('28 / 1.000 tekens');
    await userEvent.click(screen.getByTestId('check-in-save'));

    const expected: SupportInput = {
      type: 'checkIn',
      date: '26-11-2025',
      answers: [true, false, true, true, false, false, false, true, true, false, true, false],
      note: 'Minder bezoeken afgesproken.',
    };
    expect(backend.recordSupport).toHaveBeenCalledWith('v-anna', expected);
    expect((await screen.findByTestId('support-saved')).textContent).toBe(
      'Het gesprek van 26-11-2025 is opgeslagen: 6 van de 12 keer ja, goed om over te praten.',
    );
    expect(screen.queryByTestId('check-in-form')).toBeNull();
    expect(rows('check-in-row')[0]).toEqual(['26-11-2025', '6 van de 12 keer ja', 'goed om over te praten', 'Minder bezoeken afgesproken.']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('new-check-in')));
  });

  it('lets an answer be changed before saving', async () => {
    const backend = await renderPage();
    await userEvent.click(screen.getByTestId('new-check-in'));
    for (let i = 0; i < 12; i++) await userEvent.click(answerRadio(i, 'nee'));
    await userEvent.click(answerRadio(4, 'ja'));
    expect(answerRadio(4, 'nee').checked).toBe(false);
    await userEvent.click(screen.getByTestId('check-in-save'));
    const sent = backend.recordSupport.mock.calls[0]![1];
    expect(sent.type === 'checkIn' && sent.answers).toEqual([false, false, false, false, true, false, false, false, false, false, false, false]);
  });

  it('shows the refusal at the statements, marks the open ones, and keeps the answers given', async () => {
    const backend = await renderPage();
    await userEvent.click(screen.getByTestId('new-check-in'));
    for (let i = 0; i < 12; i++) if (i !== 5 && i !== 9) await userEvent.click(answerRadio(i, 'ja'));
    await userEvent.click(screen.getByTestId('check-in-save'));

    const error = await screen.findByTestId('check-in-error-answers');
    expect(error.textContent).toContain('Beantwoord alle 12 uitspraken met ja of nee.');
    const sent = backend.recordSupport.mock.calls[0]![1];
    expect(sent.type).toBe('checkIn');
    const statements = screen.getAllByTestId('check-in-statement');
    const open = statements.filter((s) => s.classList.contains('check-in-open')).map((s) => statements.indexOf(s));
    expect(open).toEqual([5, 9]);
    expect(statements[5]!.textContent).toContain('nog geen antwoord');
    expect(statements[5]!.getAttribute('aria-describedby')).toBe(error.id);
    await waitFor(() => expect(document.activeElement).toBe(answerRadio(5, 'ja')));
    expect(answerRadio(0, 'ja').checked).toBe(true);
    expect(screen.queryByTestId('support-saved')).toBeNull();

    // Answering the rest saves it.
    await userEvent.click(answerRadio(5, 'nee'));
    await userEvent.click(answerRadio(9, 'nee'));
    await userEvent.click(screen.getByTestId('check-in-save'));
    expect((await screen.findByTestId('support-saved')).textContent).toContain('10 van de 12 keer ja, tijd voor een gesprek');
  });

  it('shows a refused date at the date field', async () => {
    const backend = await renderPage();
    backend.recordSupport.mockImplementation(async (_id, change) => {
      if (change.type === 'checkIn') {
        throw refusal({ field: 'date', reason: 'in_future', message: 'Die datum ligt in de toekomst.', messageEn: 'That date is in the future.' });
      }
      return supportAfter(SUPPORT, change);
    });
    await userEvent.click(screen.getByTestId('new-check-in'));
    for (let i = 0; i < 12; i++) await userEvent.click(answerRadio(i, 'nee'));
    await userEvent.clear(input('check-in-date'));
    await userEvent.type(input('check-in-date'), '01-01-2030');
    await userEvent.click(screen.getByTestId('check-in-save'));

    expect((await screen.findByTestId('check-in-error-date')).textContent).toContain('in de toekomst');
    await waitFor(() => expect(document.activeElement).toBe(input('check-in-date')));
    expect(screen.queryByTestId('check-in-error-answers')).toBeNull();
  });

  it('shows the statements, the refusal and the result in English', async () => {
    applyLanguage('en');
    await renderPage();
    await userEvent.click(screen.getByTestId('new-check-in'));
    expect(screen.getAllByTestId('check-in-statement')[1]!.querySelector('legend')?.textContent?.trim()).toBe(`2. ${STATEMENTS[1]!.en}`);
    expect(answerRadio(0, 'ja').closest('label')?.textContent?.trim()).toBe('yes');
    await userEvent.click(screen.getByTestId('check-in-save'));
    expect((await screen.findByTestId('check-in-error-answers')).textContent).toContain('Answer all 12 statements with yes or no.');
    expect(rows('check-in-row')[0]).toEqual(['10-09-2025', '6 of 12 answered yes', 'good to talk about', 'Afgesproken: minder dossiers.']);
  });

  it('closes the form on cancel without sending anything', async () => {
    const backend = await renderPage();
    await userEvent.click(screen.getByTestId('new-check-in'));
    await userEvent.click(screen.getByTestId('check-in-cancel'));
    expect(screen.queryByTestId('check-in-form')).toBeNull();
    expect(backend.recordSupport).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('new-check-in')));
  });
});
