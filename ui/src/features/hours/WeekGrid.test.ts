// The weekly grid: a duration and Enter save an entry for that volunteer and day, the cell total
// goes up and the focus moves one cell to the right. Refusals stay at their cell.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import type { HourEntryInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { entryFor, fakeBackend, PROGRAMMES, refusal, TODAY, WEEK, longDayAsked } from '../../test/fakeBackend';
import WeekGrid from './WeekGrid.svelte';

function props(overrides: Record<string, unknown> = {}) {
  return { today: TODAY, programmes: PROGRAMMES.filter((p) => p.active), version: 0, onsaved: vi.fn(), ...overrides };
}

function cell(volunteer: string, date: string): HTMLInputElement {
  const found = screen
    .getAllByTestId('grid-cell')
    .find((c) => c.dataset.volunteer === volunteer && c.dataset.date === date);
  if (!found) throw new Error(`no cell for ${volunteer} on ${date}`);
  return found as HTMLInputElement;
}

beforeEach(() => applyLanguage('nl'));

describe('week grid', () => {
  it('shows the week number, Dutch day headers, logged hours, and closes future days', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());

    expect((await screen.findByTestId('week-label')).textContent).toBe('week 48');
    expect(backend.weekGrid).toHaveBeenCalledWith(TODAY);
    const headers = Array.from(screen.getByTestId('week-grid').querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Vrijwilliger', 'ma 24-11', 'di 25-11', 'wo 26-11', 'do 27-11', 'vr 28-11', 'za 29-11', 'zo 30-11']);
    expect(cell('v-anna', '2025-11-24').closest('td')?.textContent).toContain('1');
    expect(cell('v-anna', '2025-11-26').disabled).toBe(false);
    expect(cell('v-anna', '2025-11-27').disabled).toBe(true);
    expect(cell('v-bram', '2025-11-30').disabled).toBe(true);
    expect(cell('v-anna', '2025-11-24').getAttribute('aria-label')).toBe('Uren toevoegen voor Anna de Vries op maandag 24-11-2025');
    // This week is the last one with days that can be filled in.
    expect((screen.getByTestId('week-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves a cell on Enter with the row default programme, adds to the cell and moves right', async () => {
    const backend = fakeBackend();
    const onsaved = vi.fn();
    setBackend(backend);
    render(WeekGrid, props({ onsaved }));
    await screen.findByTestId('week-label');

    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('1,5{Enter}');

    expect(backend.logHours).toHaveBeenCalledWith({
      volunteerId: 'v-anna',
      date: '2025-11-24',
      duration: '1,5',
      programmeId: 'p-admin',
      kind: 'support',
      note: '',
      matchId: null,
      activityId: null,
      confirmDuplicate: false,
    });
    await waitFor(() => expect(document.activeElement).toBe(cell('v-anna', '2025-11-25')));
    expect(monday.value).toBe('');
    // 60 minutes were there already; 90 more makes 2,5 hours.
    expect(monday.closest('td')?.textContent).toContain('2,5');
    expect(onsaved).toHaveBeenCalledTimes(1);

    // Typing straight on: the next cell saves too, with the chosen programme and kind for all.
    await userEvent.selectOptions(screen.getByTestId('grid-kind'), 'travel');
    await userEvent.selectOptions(screen.getByTestId('grid-programme'), 'p-buddy');
    await userEvent.click(cell('v-anna', '2025-11-25'));
    await userEvent.keyboard('0:30{Enter}');
    expect(backend.logHours).toHaveBeenLastCalledWith(
      expect.objectContaining({ date: '2025-11-25', duration: '0:30', programmeId: 'p-buddy', kind: 'travel' }),
    );
  });

  it('jumps over an empty cell on Enter without saving, and wraps to the next row after the last open day', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');

    await userEvent.click(cell('v-anna', '2025-11-25'));
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('v-anna', '2025-11-26'));
    await userEvent.keyboard('{Enter}');
    // Thursday to Sunday lie in the future: on to Bram's Monday.
    expect(document.activeElement).toBe(cell('v-bram', '2025-11-24'));
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell('v-anna', '2025-11-24'));
    expect(backend.logHours).not.toHaveBeenCalled();
  });

  it('shows a refusal at the cell, tied to the input, and keeps the typed value', async () => {
    setBackend(
      fakeBackend({
        logHours: async () => {
          throw refusal({ field: 'duration', message: 'De duur is 1500 minuten; op één dag kan dat hoogstens 24 uur zijn.' });
        },
      }),
    );
    render(WeekGrid, props());
    await screen.findByTestId('week-label');

    const tuesday = cell('v-bram', '2025-11-25');
    await userEvent.click(tuesday);
    await userEvent.keyboard('25{Enter}');

    const error = await screen.findByTestId('grid-cell-error');
    expect(error.textContent).toContain('hoogstens 24 uur');
    expect(tuesday.closest('td')?.contains(error)).toBe(true);
    expect(tuesday.getAttribute('aria-describedby')).toContain(error.id);
    expect(tuesday.getAttribute('aria-invalid')).toBe('true');
    expect(tuesday.value).toBe('25');
    expect(document.activeElement).toBe(tuesday);
  });

  function duplicateOnce(): HourEntryInput[] {
    const calls: HourEntryInput[] = [];
    setBackend(
      fakeBackend({
        logHours: async (input) => {
          calls.push(input);
          if (!input.confirmDuplicate) throw refusal({ code: 'duplicate_entry', field: null, reason: null });
          return entryFor(input);
        },
      }),
    );
    return calls;
  }

  it('asks before saving an identical entry and resends with confirmDuplicate', async () => {
    const calls = duplicateOnce();
    render(WeekGrid, props());
    await screen.findByTestId('week-label');
    await userEvent.click(cell('v-anna', '2025-11-24'));
    await userEvent.keyboard('1{Enter}');

    await userEvent.click(await screen.findByTestId('confirm-duplicate'));

    expect(calls.map((c) => c.confirmDuplicate)).toEqual([false, true]);
    await waitFor(() => expect(cell('v-anna', '2025-11-24').closest('td')?.textContent).toContain('2'));
    expect(document.activeElement).toBe(cell('v-anna', '2025-11-25'));
  });

  it('focuses "Nee, niet opslaan" on the duplicate question, so a second Enter saves nothing', async () => {
    const calls = duplicateOnce();
    render(WeekGrid, props());
    await screen.findByTestId('week-label');
    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('1{Enter}');

    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain("Er staat al precies zo'n inzet op deze dag. Toch opslaan?");
    const no = screen.getByTestId('cancel-duplicate');
    expect(no.textContent).toBe('Nee, niet opslaan');
    await waitFor(() => expect(document.activeElement).toBe(no));

    await userEvent.keyboard('{Enter}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.map((c) => c.confirmDuplicate)).toEqual([false]);
    expect(cell('v-anna', '2025-11-24').closest('td')?.textContent).toContain('1');
    expect(cell('v-anna', '2025-11-24').closest('td')?.textContent).not.toContain('2');
    await waitFor(() => expect(document.activeElement).toBe(monday));
  });

  it('Escape on the duplicate question saves nothing either', async () => {
    const calls = duplicateOnce();
    render(WeekGrid, props());
    await screen.findByTestId('week-label');
    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('1{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cancel-duplicate')));

    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(monday));
  });

  it('asks "Klopt dat?" above a plausible day, in the backend\'s words, and saves only on yes', async () => {
    const { backend, calls, question } = longDayAsked();
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');
    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('23{Enter}');

    expect((await screen.findByTestId('save-question')).textContent).toBe(question);
    // Enter on the focused "no" saves nothing; asked again, "yes" saves with confirmLongDay.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cancel-duplicate')));
    await userEvent.keyboard('{Enter}');
    expect(calls).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(monday));
    await userEvent.keyboard('{Enter}');
    await userEvent.click(await screen.findByTestId('confirm-duplicate'));

    expect(calls.map((c) => c.confirmLongDay ?? false)).toEqual([false, false, true]);
    expect(calls.every((c) => !c.confirmDuplicate)).toBe(true);
  });

  it('pages to the previous week', async () => {
    const backend = fakeBackend({
      weekGrid: async (day) =>
        day === TODAY
          ? structuredClone(WEEK)
          : { ...structuredClone(WEEK), weekStart: '2025-11-17', weekNumber: 47, days: WEEK.days.map((d) => d.replace(/-(\d\d)$/, (_, n) => `-${String(Number(n) - 7).padStart(2, '0')}`)) },
    });
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');

    await userEvent.click(screen.getByTestId('week-prev'));

    expect(backend.weekGrid).toHaveBeenLastCalledWith('2025-11-17');
    await waitFor(() => expect(screen.getByTestId('week-label').textContent).toBe('week 47'));
    expect(cell('v-anna', '2025-11-23').disabled).toBe(false);
    expect((screen.getByTestId('week-next') as HTMLButtonElement).disabled).toBe(false);
  });
});
