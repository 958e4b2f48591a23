// Privacy (#/privacy): the coordinator's name for the audit log, retention per programme with its
// refusals at the field, the review of participants past their retention (no one ticked at first,
// the count in the button and in the confirmation, whose "no" has the focus), and the audit log
// with the app's own changes marked as automatic and a number that tells records apart.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, STATUS, type FakeBackend } from '../../test/fakeBackend';
import { clickNav } from '../../test/nav';

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  navigate({ name: 'privacy' });
  render(App);
  await screen.findByTestId('coordinator-name');
  await screen.findAllByTestId('audit-row');
  return backend;
}

function input(testid: string, scope: HTMLElement | Document = document): HTMLInputElement {
  return scope.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement;
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '');
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('privacy screen', () => {
  it('is reached from the menu, under Beheer after Veiligheid', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await clickNav('nav-privacy');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Privacy'));
    expect(location.hash).toBe('#/privacy');
    expect(screen.getByTestId('nav-privacy').getAttribute('aria-current')).toBe('page');
    const order = Array.from(screen.getByTestId('nav-manage-list').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(order.slice(3, 5)).toEqual(['nav-safety', 'nav-privacy']);
  });

  it("saves the coordinator's name", async () => {
    const backend = await open();
    const name = input('coordinator-name');
    expect(name.value).toBe('Marieke');
    expect(screen.getByLabelText('Jouw naam')).toBe(name);

    await userEvent.clear(name);
    await userEvent.type(name, 'Marieke de Boer');
    await userEvent.click(screen.getByTestId('coordinator-save'));

    expect((await screen.findByTestId('coordinator-saved')).textContent).toBe('Opgeslagen. Nieuwe wijzigingen staan op naam van Marieke de Boer.');
    expect(backend.setCoordinatorName).toHaveBeenCalledWith('Marieke de Boer');
    // The log is read again: the change may have a line of its own.
    await waitFor(() => expect(backend.auditLog).toHaveBeenCalledTimes(2));
    expect(backend.auditLog).toHaveBeenLastCalledWith(200);
  });

  it('refuses a name that is too long at its field, which gets the focus', async () => {
    const backend = await open();
    const name = input('coordinator-name');
    await userEvent.clear(name);
    await userEvent.type(name, `${'a'.repeat(101)}{Enter}`);

    const error = await screen.findByTestId('coordinator-error');
    expect(error.textContent).toContain('Gebruik hoogstens 100 tekens.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(backend.setCoordinatorName).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('coordinator-saved')).toBeNull();
  });

  it('explains retention and changes it per programme; a refusal shows under its field', async () => {
    const backend = await open();
    expect(screen.getByTestId('retention-help').textContent).toBe(
      'Na het einde van de laatste koppeling blijven de gegevens van een deelnemer zo veel jaar bewaard; daarna worden ze geanonimiseerd.',
    );
    const rows = screen.getAllByTestId('retention-row');
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Thuisadministratie', 'Maatje']);
    const buddy = rows[1]!;
    const years = input('retention-years', buddy);
    expect(years.value).toBe('2');
    expect(screen.getByLabelText('Bewaartermijn voor Maatje in jaren')).toBe(years);
    const reviews = backend.retentionReview.mock.calls.length;

    await userEvent.clear(years);
    await userEvent.type(years, '2,5');
    await userEvent.click(within(buddy).getByTestId('retention-save'));

    const error = await within(buddy).findByTestId('retention-error');
    expect(error.textContent).toContain("'2,5' is geen goed aantal jaren. Kies een heel getal van 0 tot en met 30.");
    expect(backend.setRetention).toHaveBeenCalledWith({ programmeId: 'p-buddy', years: '2,5' });
    expect(years.getAttribute('aria-invalid')).toBe('true');
    expect(years.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(years));
    expect(within(rows[0]!).queryByTestId('retention-error')).toBeNull();

    await userEvent.clear(years);
    await userEvent.type(years, '7{Enter}');

    expect((await within(buddy).findByTestId('retention-saved')).textContent).toBe('Opgeslagen');
    expect(backend.setRetention).toHaveBeenLastCalledWith({ programmeId: 'p-buddy', years: '7' });
    expect(within(buddy).queryByTestId('retention-error')).toBeNull();
    expect(years.value).toBe('7');
    // Another period can change who is past it: the review is read again.
    await waitFor(() => expect(backend.retentionReview.mock.calls.length).toBe(reviews + 1));
  });

  it('lists who is past their retention with no one ticked, and the button off until someone is', async () => {
    const backend = await open();
    const rows = await screen.findAllByTestId('review-row');
    expect(rows.map(cells)).toEqual([
      ['', 'D-003', 'Thuisadministratie', '30-06-2023', '30-06-2025'],
      ['', 'Karim', 'Maatje', '15-09-2023', '15-09-2025'],
      ['', 'D-011', 'Thuisadministratie', '01-11-2023', '01-11-2025'],
    ]);
    const checks = screen.getAllByTestId('review-check') as HTMLInputElement[];
    expect(checks.map((c) => c.checked)).toEqual([false, false, false]);
    expect(screen.getByLabelText('Karim anonimiseren')).toBe(checks[1]);
    expect((screen.getByTestId('review-all') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByLabelText('Iedereen in de lijst aanvinken')).toBe(screen.getByTestId('review-all'));

    const button = screen.getByTestId('review-anonymise') as HTMLButtonElement;
    expect(button.textContent).toBe('0 deelnemers anonimiseren');
    expect(button.disabled).toBe(true);
    const hint = screen.getByTestId('review-pick-first');
    expect(hint.textContent).toBe('Vink eerst aan wie je wilt anonimiseren.');
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
    await userEvent.click(button);
    expect(screen.queryByTestId('review-confirm')).toBeNull();
    expect(backend.anonymiseParticipants).not.toHaveBeenCalled();
  });

  it('counts the ticked ones in the button, and ticks everyone or no one at once', async () => {
    await open();
    await screen.findAllByTestId('review-row');
    const checks = screen.getAllByTestId('review-check') as HTMLInputElement[];
    const button = screen.getByTestId('review-anonymise') as HTMLButtonElement;
    const all = screen.getByTestId('review-all') as HTMLInputElement;

    await userEvent.click(checks[1]!);
    expect(button.textContent).toBe('1 deelnemer anonimiseren');
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.queryByTestId('review-pick-first')).toBeNull();

    await userEvent.click(checks[2]!);
    expect(button.textContent).toBe('2 deelnemers anonimiseren');
    expect(all.checked).toBe(false);

    await userEvent.click(all);
    expect(checks.map((c) => c.checked)).toEqual([true, true, true]);
    expect(button.textContent).toBe('3 deelnemers anonimiseren');
    expect(all.checked).toBe(true);

    await userEvent.click(checks[0]!);
    expect(all.checked).toBe(false);
    expect(button.textContent).toBe('2 deelnemers anonimiseren');

    await userEvent.click(all);
    await userEvent.click(all);
    expect(checks.map((c) => c.checked)).toEqual([false, false, false]);
    expect(button.textContent).toBe('0 deelnemers anonimiseren');
    expect(button.disabled).toBe(true);
  });

  it('asks with the count, "no" focused, and anonymises only the ticked ones after "yes"', async () => {
    const backend = await open();
    await screen.findAllByTestId('review-row');
    const checks = screen.getAllByTestId('review-check') as HTMLInputElement[];
    await userEvent.click(checks[0]!);
    await userEvent.click(checks[2]!);
    await userEvent.click(screen.getByTestId('review-anonymise'));

    const question = screen.getByTestId('review-confirm');
    expect(question.getAttribute('role')).toBe('alertdialog');
    expect(question.textContent).toContain('Wil je 2 deelnemers anonimiseren?');
    expect(question.textContent).toContain('Dit kun je niet ongedaan maken.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-no')));
    // While it asks, the ticks stay as they are: the question's number is what will happen.
    expect(checks.every((c) => c.disabled)).toBe(true);
    expect((screen.getByTestId('review-anonymise') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.anonymiseParticipants).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('review-yes'));

    expect((await screen.findByTestId('review-done')).textContent).toBe('2 deelnemers zijn geanonimiseerd.');
    expect(backend.anonymiseParticipants).toHaveBeenCalledWith(['d-003', 'd-011']);
    await waitFor(() => expect(screen.getAllByTestId('review-row').map((row) => cells(row)[1])).toEqual(['Karim']));
    expect((screen.getByTestId('review-check') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('review-anonymise').textContent).toBe('0 deelnemers anonimiseren');
    expect(screen.queryByTestId('review-confirm')).toBeNull();
    await waitFor(() => expect(backend.auditLog).toHaveBeenCalledTimes(2));
  });

  it('names one participant in the question when one is ticked', async () => {
    await open();
    await userEvent.click(await screen.findByLabelText('Karim anonimiseren'));
    await userEvent.click(screen.getByTestId('review-anonymise'));
    expect(screen.getByTestId('review-confirm').textContent).toContain('Wil je 1 deelnemer anonimiseren?');
  });

  it('going back from the confirmation anonymises no one and keeps the ticks', async () => {
    const backend = await open();
    await screen.findAllByTestId('review-row');
    await userEvent.click(screen.getByTestId('review-all'));

    await userEvent.click(screen.getByTestId('review-anonymise'));
    expect(screen.getByTestId('review-confirm').textContent).toContain('Wil je 3 deelnemers anonimiseren?');
    await userEvent.click(screen.getByTestId('review-no'));

    expect(screen.queryByTestId('review-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-anonymise')));
    expect(backend.anonymiseParticipants).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('review-row')).toHaveLength(3);
    const checks = screen.getAllByTestId('review-check') as HTMLInputElement[];
    expect(checks.map((c) => c.checked)).toEqual([true, true, true]);
    expect(checks.some((c) => c.disabled)).toBe(false);
    expect(screen.getByTestId('review-anonymise').textContent).toBe('3 deelnemers anonimiseren');
  });

  it('Enter on the question, where the focus is, anonymises no one; so does Escape', async () => {
    const backend = await open();
    await screen.findAllByTestId('review-row');
    await userEvent.click(screen.getByTestId('review-all'));

    await userEvent.click(screen.getByTestId('review-anonymise'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-no')));
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByTestId('review-confirm')).toBeNull();

    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-anonymise')));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('review-no')));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('review-confirm')).toBeNull();

    expect(backend.anonymiseParticipants).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('review-row')).toHaveLength(3);
  });

  it('says so when no one is past their retention', async () => {
    await open({ retentionReview: async () => [] });
    expect((await screen.findByTestId('review-empty')).textContent).toBe('Er zijn geen gegevens die over hun bewaartermijn heen zijn.');
    expect(screen.queryByTestId('review-anonymise')).toBeNull();
  });

  it('shows the latest 200 changes: when, who (the app itself when no one), what, and a short number', async () => {
    const backend = await open();
    expect(backend.auditLog).toHaveBeenCalledWith(200);
    const rows = screen.getAllByTestId('audit-row');
    expect(rows.map(cells)).toEqual([
      ['26-11-2025 10:12', 'Marieke', 'toegevoegd', 'uren', '7b8c9d'],
      ['26-11-2025 10:12', 'Marieke', 'toegevoegd', 'uren', 'd5e6f7'],
      ['26-11-2025 07:00', 'Draagkracht (automatisch)', 'gewijzigd', 'signaal', '7b6a54'],
      ['25-11-2025 16:40', 'Marieke', 'verwijderd', 'vrijwilliger', 'a8b9c0'],
      ['25-11-2025 16:35', 'Marieke', 'toegevoegd', 'ingelezen bestand', 'vrijwilligers.xlsx (120)'],
    ]);
    const first = rows[0]!.querySelector('code')!;
    expect(first.textContent).toBe('7b8c9d');
    expect(first.getAttribute('title')).toBe('019abf6f-c6c8-7a1b-9c2d-4e5f6a7b8c9d');
  });

  it('tells apart records made in the same minute, whose ids start alike', async () => {
    // UUID v7 ids begin with the moment they were made: the number is their random end, as in "Gewist …".
    await open({
      auditLog: async () =>
        ['019abf6f-c6c8-7a1b-9c2d-4e5f6a7b8c9d', '019abf6f-c6c9-7000-8000-000000000001', '019abf6f-c6c9-7000-8000-000000000002'].map(
          (entityId) => ({ at: '2025-11-26T10:12:45', actor: 'Marieke', action: 'added' as const, entity: 'uren', entityEn: 'hours', entityId }),
        ),
    });
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(3));
    const numbers = screen.getAllByTestId('audit-row').map((row) => cells(row)[4]);
    expect(numbers).toEqual(['7b8c9d', '000001', '000002']);
  });

  it('shows the log in English when the window is', async () => {
    setBackend(fakeBackend({ appStatus: async () => ({ ...STATUS, language: 'en' }) }));
    navigate({ name: 'privacy' });
    render(App);
    const rows = await screen.findAllByTestId('audit-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Privacy');
    expect(cells(rows[2]!)).toEqual(['26-11-2025 07:00', 'Draagkracht (automatic)', 'changed', 'signal', '7b6a54']);
    expect(cells(rows[3]!)[3]).toBe('volunteer');
    expect(cells(rows[4]!)[3]).toBe('imported file');
    expect((await screen.findByTestId('review-anonymise')).textContent).toBe('Anonymise 0 participants');
  });
});
