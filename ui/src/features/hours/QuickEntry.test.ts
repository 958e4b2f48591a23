// The quick form: Enter saves from any field (Shift+Enter is a new line in the note), the
// confirmation line says what was saved and can undo it, and an identical entry on the same day is
// only saved after a confirmation.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import type { HourEntryInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { entryFor, fakeBackend, MATCH, PROGRAMMES, refusal, TODAY, longDayAsked } from '../../test/fakeBackend';
import QuickEntry from './QuickEntry.svelte';

function field<T extends HTMLElement = HTMLInputElement>(testid: string): T {
  return screen.getByTestId(testid) as T;
}

function props(overrides: Record<string, unknown> = {}) {
  return { today: TODAY, programmes: PROGRAMMES.filter((p) => p.active), preselect: null, version: 0, onsaved: vi.fn(), ...overrides };
}

/** Chooses in a picker by keyboard: types part of the name, waits for it to be offered, Enter. */
async function pick(testid: string, text: string) {
  const input = field(testid);
  await userEvent.clear(input);
  await userEvent.type(input, text);
  await waitFor(() => expect(screen.getAllByTestId(`${testid}-option`)[0]?.textContent).toContain(text));
  await userEvent.keyboard('{Enter}');
}

/** What a picker offers when opened with Arrow Down (the list is closed again after). */
async function offered(testid: string): Promise<string[]> {
  field(testid).focus();
  await userEvent.keyboard('{ArrowDown}');
  const texts = screen.queryAllByTestId(`${testid}-option`).map((o) => o.textContent?.trim() ?? '');
  await userEvent.keyboard('{Escape}');
  return texts;
}

beforeEach(() => applyLanguage('nl'));

describe('quick hour entry', () => {
  it('lists volunteers most recently used first and preselects their default programme', async () => {
    setBackend(fakeBackend());
    render(QuickEntry, props());
    // The form appears once the volunteers are known.
    expect(screen.queryByTestId('entry-volunteer')).toBeNull();
    const volunteer = (await screen.findByTestId('entry-volunteer')) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(volunteer));
    expect(volunteer.value).toBe('');
    expect(volunteer.placeholder).toBe('Typ een deel van de naam');
    expect(await offered('entry-volunteer')).toEqual(['Bram Jansen', 'Anna de Vries']);

    await pick('entry-volunteer', 'Anna de Vries');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-admin');
    await pick('entry-volunteer', 'Bram');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-buddy');
    expect(field('entry-date').value).toBe('26-11-2025');
  });

  it('saves on Enter, confirms what was saved, clears duration and note, and keeps the volunteer', async () => {
    const backend = fakeBackend();
    const onsaved = vi.fn();
    setBackend(backend);
    render(QuickEntry, props({ onsaved }));
    await screen.findByTestId('entry-volunteer');

    await pick('entry-volunteer', 'Anna de Vries');
    await userEvent.clear(field('entry-date'));
    await userEvent.type(field('entry-date'), '24-11-2025');
    await userEvent.type(field('entry-duration'), '1,5');
    await userEvent.selectOptions(field<HTMLSelectElement>('entry-kind'), 'meeting');
    // The note is a text area with a counter; Shift+Enter starts a new line, Enter still saves.
    await userEvent.type(field('entry-note'), 'Intervisie{Shift>}{Enter}{/Shift}met Petra');
    expect(backend.logHours).not.toHaveBeenCalled();
    expect(field('entry-note').tagName).toBe('TEXTAREA');
    expect(field('entry-note').getAttribute('maxlength')).toBe('1000');
    expect(field('entry-note-count').textContent?.trim()).toBe('20 / 1.000 tekens');
    await userEvent.type(field('entry-note'), '{Enter}');

    expect(backend.logHours).toHaveBeenCalledTimes(1);
    expect(backend.logHours).toHaveBeenCalledWith({
      volunteerId: 'v-anna',
      date: '24-11-2025',
      duration: '1,5',
      programmeId: 'p-admin',
      kind: 'meeting',
      note: 'Intervisie\nmet Petra',
      matchId: null,
      activityId: null,
      confirmDuplicate: false,
    });
    const saved = await screen.findByTestId('entry-saved');
    expect(saved.textContent).toContain('Opgeslagen: 1,5 uur voor Anna de Vries op 24-11-2025');
    expect(field('entry-duration').value).toBe('');
    expect(field('entry-note').value).toBe('');
    expect(field('entry-volunteer').value).toBe('Anna de Vries');
    expect(field<HTMLSelectElement>('entry-kind').value).toBe('meeting');
    await waitFor(() => expect(document.activeElement).toBe(field('entry-volunteer')));
    expect(onsaved).toHaveBeenCalledTimes(1);
    // The volunteer order is asked again: the last one used moves up.
    expect(backend.volunteerChoices.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('saves on Enter from a select too', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-bram' }));
    // Coming from a volunteer page: that volunteer is chosen and the duration has the focus.
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    expect(field('entry-volunteer').value).toBe('Bram Jansen');

    await userEvent.type(field('entry-duration'), '2');
    await fireEvent.keyDown(field('entry-kind'), { key: 'Enter' });

    expect(backend.logHours).toHaveBeenCalledWith(expect.objectContaining({ volunteerId: 'v-bram', duration: '2', programmeId: 'p-buddy' }));
    expect((await screen.findByTestId('entry-saved')).textContent).toContain('2 uur voor Bram Jansen op 26-11-2025');
  });

  it('in the volunteer field, Enter first chooses from the list, then saves', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(QuickEntry, props());
    const volunteer = (await screen.findByTestId('entry-volunteer')) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(volunteer));

    // A space and a capital no longer jump to another volunteer (issue 18).
    await userEvent.keyboard('de V{Enter}');
    expect(backend.logHours).not.toHaveBeenCalled();
    expect(volunteer.value).toBe('Anna de Vries');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-admin');

    await userEvent.type(field('entry-duration'), '2');
    volunteer.focus();
    await userEvent.keyboard('{Enter}');
    expect(backend.logHours).toHaveBeenCalledWith(expect.objectContaining({ volunteerId: 'v-anna', duration: '2' }));
  });

  it('shows the duration example in the language\'s own notation', async () => {
    setBackend(fakeBackend());
    applyLanguage('en');
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    expect(field('entry-duration').getAttribute('placeholder')).toBe('1.5');
    expect(screen.getByText('Like 1.5 or 1:30')).toBeTruthy();
  });

  it('undoes the entry just saved', async () => {
    const backend = fakeBackend({ logHours: async (input) => entryFor(input, 'e-42') });
    const onsaved = vi.fn();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna', onsaved }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1,5{Enter}');

    await userEvent.click(await screen.findByTestId('entry-undo'));

    expect(backend.deleteHourEntry).toHaveBeenCalledWith('e-42');
    expect((await screen.findByTestId('entry-undone')).textContent).toContain('Ongedaan gemaakt');
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    expect(onsaved).toHaveBeenCalledTimes(2);
  });

  it('shows a refusal at its field, keeps what was typed and focuses that field', async () => {
    const backend = fakeBackend({
      logHours: async () => {
        throw refusal({ field: 'duration', message: "'anderhalf' is geen duur. Schrijf uren als 1,5 of 1:30." });
      },
    });
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-note'), 'Post ordenen');
    await userEvent.type(field('entry-duration'), 'anderhalf{Enter}');

    const error = await screen.findByTestId('entry-error');
    expect(error.textContent).toContain("'anderhalf' is geen duur");
    expect(error.closest('.field')?.contains(field('entry-duration'))).toBe(true);
    expect(field('entry-duration').getAttribute('aria-describedby')).toContain(error.id);
    expect(field('entry-duration').value).toBe('anderhalf');
    expect(field('entry-note').value).toBe('Post ordenen');
    expect(screen.queryByTestId('entry-saved')).toBeNull();
  });
});

describe('duplicate entries', () => {
  function duplicateOnce() {
    const calls: HourEntryInput[] = [];
    const backend = fakeBackend({
      logHours: async (input) => {
        calls.push(input);
        if (!input.confirmDuplicate) throw refusal({ code: 'duplicate_entry', field: null, reason: null, message: 'Dubbel.' });
        return entryFor(input);
      },
    });
    return { backend, calls };
  }

  it('asks first, then resends with confirmDuplicate', async () => {
    const { backend, calls } = duplicateOnce();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1{Enter}');

    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain("Er staat al precies zo'n inzet op deze dag. Toch opslaan?");
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    // The safe answer has the focus: Enter would save nothing.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cancel-duplicate')));

    await userEvent.click(screen.getByTestId('confirm-duplicate'));

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ ...calls[0], confirmDuplicate: true });
    expect((await screen.findByTestId('entry-saved')).textContent).toContain('1 uur voor Anna de Vries');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks "Klopt dat?" above a plausible day, and resends with confirmLongDay on yes', async () => {
    const { backend, calls, question } = longDayAsked();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '23{Enter}');

    expect((await screen.findByTestId('save-question')).textContent).toBe(question);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cancel-duplicate')));
    await userEvent.click(screen.getByTestId('confirm-duplicate'));

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ ...calls[0], confirmLongDay: true });
    expect(await screen.findByTestId('entry-saved')).toBeTruthy();
  });

  it('saves nothing when the answer is no, and keeps the typed duration', async () => {
    const { backend, calls } = duplicateOnce();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1{Enter}');

    await userEvent.click(await screen.findByTestId('cancel-duplicate'));

    expect(calls).toHaveLength(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    expect(field('entry-duration').value).toBe('1');
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
  });
});

describe('match and activity', () => {
  function optionTexts(select: HTMLSelectElement): string[] {
    return Array.from(select.options).map((o) => o.textContent ?? '');
  }

  it("offers the volunteer's active matches and the programme's active activities by level, and sends both", async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-bram' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    expect(backend.volunteerMatches).toHaveBeenLastCalledWith('v-bram');

    await pick('entry-volunteer', 'Anna de Vries');
    expect(backend.volunteerMatches).toHaveBeenLastCalledWith('v-anna');
    const match = field('entry-match');
    await waitFor(async () => expect(await offered('entry-match')).toEqual(['D-017 — Thuisadministratie']));
    expect(match.value).toBe('');
    expect(match.placeholder).toBe('geen koppeling');

    const activity = field<HTMLSelectElement>('entry-activity');
    expect(activity.value).toBe('');
    const groups = Array.from(activity.querySelectorAll('optgroup')).map((g) => [
      g.label,
      Array.from(g.querySelectorAll('option')).map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ['vrijwilligerswerk', ['Post ordenen en archiveren']],
      ['grijs gebied', ['Onderhandelen met schuldeisers']],
      ['professioneel', ['Contact met deurwaarder']],
    ]);

    // Another programme, other activities; a match chooses its own programme back.
    await userEvent.selectOptions(field<HTMLSelectElement>('entry-programme'), 'p-buddy');
    expect(optionTexts(activity)).toEqual(['geen activiteit', 'Samen iets ondernemen', 'Medicatie geven']);
    await pick('entry-match', 'D-017');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-admin');

    await userEvent.selectOptions(activity, 'act-post');
    await userEvent.type(field('entry-duration'), '1{Enter}');
    expect(backend.logHours).toHaveBeenCalledWith(expect.objectContaining({ volunteerId: 'v-anna', matchId: 'm-1', activityId: 'act-post' }));
    expect(await screen.findByTestId('entry-saved')).toBeTruthy();
    expect(screen.queryByTestId('professional-warning')).toBeNull();
    // The match stays for the next line; the activity is chosen anew.
    expect(match.value).toBe('D-017 — Thuisadministratie');
    expect(activity.value).toBe('');
  });

  it('hints at a grey-zone or professional activity before saving', async () => {
    setBackend(fakeBackend());
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    const activity = field<HTMLSelectElement>('entry-activity');
    await waitFor(() => expect(activity.options.length).toBeGreaterThan(1));

    expect(screen.queryByTestId('activity-hint')).toBeNull();
    await userEvent.selectOptions(activity, 'act-creditors');
    const hint = screen.getByTestId('activity-hint');
    expect(hint.textContent).toBe('Grijs gebied: mag met steun of afspraak; let op hoe vaak');
    expect(activity.getAttribute('aria-describedby')).toContain(hint.id);

    await userEvent.selectOptions(activity, 'act-bailiff');
    expect(screen.getByTestId('activity-hint').textContent).toBe('Professionele taak: niet door een vrijwilliger laten doen');

    await userEvent.selectOptions(activity, 'act-post');
    expect(screen.queryByTestId('activity-hint')).toBeNull();
  });

  it('warns after a professional task and offers a referral for the match, with the reason filled in', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await pick('entry-match', 'D-017');
    await userEvent.selectOptions(field<HTMLSelectElement>('entry-activity'), 'act-bailiff');
    await userEvent.type(field('entry-duration'), '1,5{Enter}');

    const warning = await screen.findByTestId('professional-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('Dit is geen taak voor een vrijwilliger. Contact met deurwaarder hoort bij een professional.');

    await userEvent.click(screen.getByTestId('offer-referral'));
    expect(field<HTMLTextAreaElement>('referral-reason').value).toBe('Contact met deurwaarder gedaan door Anna de Vries op 26-11-2025');
    expect(field('referral-date').value).toBe('26-11-2025');
    await waitFor(() => expect(document.activeElement).toBe(field('referral-kind')));
    await userEvent.selectOptions(field<HTMLSelectElement>('referral-kind'), 'debt_help');
    await userEvent.type(field('referral-name'), 'Schuldhulp Gemeente');
    await userEvent.click(screen.getByTestId('referral-save'));

    expect(backend.logReferral).toHaveBeenCalledWith('m-1', {
      date: '26-11-2025',
      toKind: 'debt_help',
      toName: 'Schuldhulp Gemeente',
      reason: 'Contact met deurwaarder gedaan door Anna de Vries op 26-11-2025',
      outcome: '',
    });
    expect((await screen.findByTestId('referral-logged')).textContent).toContain('D-017 — Thuisadministratie');
    expect(screen.queryByTestId('referral-save')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(field('entry-volunteer')));
  });

  it('asks which match first when the entry named none', async () => {
    const backend = fakeBackend({ volunteerMatches: async () => [MATCH, { ...MATCH, id: 'm-2', participantLabel: 'Fatima' }] });
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await waitFor(() => expect(field<HTMLSelectElement>('entry-activity').options.length).toBeGreaterThan(1));
    await userEvent.selectOptions(field<HTMLSelectElement>('entry-activity'), 'act-bailiff');
    await userEvent.type(field('entry-duration'), '1{Enter}');

    await userEvent.click(await screen.findByTestId('offer-referral'));
    await screen.findByTestId('referral-match');
    expect(screen.getByText(/Kies eerst de koppeling/).textContent).toContain('Bij deze uren is geen koppeling gekozen.');
    expect(screen.queryByTestId('referral-save')).toBeNull();

    await pick('referral-match', 'Fatima');
    await userEvent.selectOptions(field<HTMLSelectElement>('referral-kind'), 'social_counsel');
    await userEvent.click(screen.getByTestId('referral-save'));

    expect(backend.logReferral).toHaveBeenCalledWith('m-2', expect.objectContaining({ toKind: 'social_counsel', reason: expect.stringContaining('Contact met deurwaarder gedaan door Anna de Vries') }));
  });

  it('shows a refusal about the match at that field', async () => {
    setBackend(
      fakeBackend({
        logHours: async () => {
          throw refusal({ field: 'match', message: 'Deze koppeling hoort niet bij Anna de Vries.' });
        },
      }),
    );
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await pick('entry-match', 'D-017');
    await userEvent.type(field('entry-duration'), '1{Enter}');

    const error = await screen.findByTestId('entry-error');
    expect(error.closest('.field')?.contains(field('entry-match'))).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field('entry-match')));
  });
});
