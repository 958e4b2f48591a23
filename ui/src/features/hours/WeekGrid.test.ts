// The weekly grid works like a spreadsheet: a cell shows the day's total, typing replaces it, Enter
// saves (a higher total adds the difference, a lower one asks which entry to take away) and moves
// one cell to the right, and every change can be undone. Refusals stay at their cell.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import type { DayHoursInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, PROGRAMMES, refusal, TODAY, WEEK } from '../../test/fakeBackend';
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
  it('shows the week number, Dutch day headers, each day\'s total in its cell, and closes future days', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());

    expect((await screen.findByTestId('week-label')).textContent).toBe('week 48');
    expect(backend.weekGrid).toHaveBeenCalledWith(TODAY);
    const headers = Array.from(screen.getByTestId('week-grid').querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Vrijwilliger', 'ma 24-11', 'di 25-11', 'wo 26-11', 'do 27-11', 'vr 28-11', 'za 29-11', 'zo 30-11']);
    expect(cell('v-anna', '2025-11-24').value).toBe('1');
    expect(cell('v-anna', '2025-11-25').value).toBe('');
    expect(cell('v-anna', '2025-11-26').disabled).toBe(false);
    expect(cell('v-anna', '2025-11-27').disabled).toBe(true);
    expect(cell('v-bram', '2025-11-30').disabled).toBe(true);
    expect(cell('v-anna', '2025-11-24').getAttribute('aria-label')).toBe('Uren van Anna de Vries op maandag 24-11-2025');
    expect(screen.queryByTestId('grid-undo')).toBeNull();
    // This week is the last one with days that can be filled in.
    expect((screen.getByTestId('week-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('replaces a day\'s total: typing 2,5 over 1 saves the difference, moves right, and can be undone', async () => {
    const backend = fakeBackend();
    const onsaved = vi.fn();
    setBackend(backend);
    render(WeekGrid, props({ onsaved }));
    await screen.findByTestId('week-label');

    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    // The total is selected on focus, so typing replaces it, as in a spreadsheet.
    await userEvent.keyboard('2,5{Enter}');

    expect(backend.setDayHours).toHaveBeenCalledWith({
      volunteerId: 'v-anna',
      date: '2025-11-24',
      total: '2,5',
      programmeId: 'p-admin',
      kind: 'support',
      confirmLongDay: false,
    } satisfies DayHoursInput);
    expect(backend.logHours).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(cell('v-anna', '2025-11-25')));
    expect(monday.value).toBe('2,5');
    expect(onsaved).toHaveBeenCalledTimes(1);

    const undo = screen.getByTestId('grid-undo');
    expect(undo.textContent).toContain('Ongedaan maken: Anna de Vries, ma 24-11 van 2,5 uur terug naar 1 uur');
    await userEvent.click(undo);

    expect(backend.deleteHourEntry).toHaveBeenCalledWith('e-1');
    await waitFor(() => expect(cell('v-anna', '2025-11-24').value).toBe('1'));
    expect(screen.getByTestId('grid-announcement').textContent).toBe('Teruggezet: Anna de Vries heeft op maandag 24-11-2025 weer 1 uur.');
    expect(screen.queryByTestId('grid-undo')).toBeNull();
  });

  it('uses the chosen programme and kind for all new hours', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');

    await userEvent.selectOptions(screen.getByTestId('grid-kind'), 'travel');
    await userEvent.selectOptions(screen.getByTestId('grid-programme'), 'p-buddy');
    await userEvent.click(cell('v-anna', '2025-11-25'));
    await userEvent.keyboard('0:30{Enter}');
    expect(backend.setDayHours).toHaveBeenLastCalledWith(
      expect.objectContaining({ date: '2025-11-25', total: '0:30', programmeId: 'p-buddy', kind: 'travel' }),
    );
    await waitFor(() => expect(cell('v-anna', '2025-11-25').value).toBe('0,5'));
  });

  it('writes nothing when the total is typed unchanged, and Escape puts the total back', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');

    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('1{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(cell('v-anna', '2025-11-25')));
    expect(backend.deleteHourEntry).not.toHaveBeenCalled();
    expect(screen.queryByTestId('grid-undo')).toBeNull();

    await userEvent.click(monday);
    await userEvent.keyboard('7');
    expect(monday.value).toBe('7');
    await userEvent.keyboard('{Escape}');
    expect(monday.value).toBe('1');
    expect(backend.setDayHours).toHaveBeenCalledTimes(1);
  });

  it('a lower total lists the day\'s entries: the chosen one goes, the rest is saved, one undo puts the day back', async () => {
    const backend = fakeBackend();
    const onsaved = vi.fn();
    setBackend(backend);
    render(WeekGrid, props({ onsaved }));
    await screen.findByTestId('week-label');
    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('3{Enter}');
    await waitFor(() => expect(monday.value).toBe('3'));

    // 3 hours are 1 + 2; typing 2,5 asks which to take away, and nothing is written yet.
    await userEvent.click(monday);
    await userEvent.keyboard('2,5{Enter}');
    const question = await screen.findByTestId('lower-day');
    expect(question.getAttribute('role')).toBe('alertdialog');
    expect(question.textContent).toContain('Op maandag 24-11-2025 staat bij Anna de Vries 3 uur; je typte 2,5 uur. Welke inzet klopt niet?');
    const removes = screen.getAllByTestId('lower-day-remove');
    expect(removes.map((b) => b.getAttribute('aria-label'))).toEqual([
      '1 uur bij Thuisadministratie weghalen',
      '2 uur bij Thuisadministratie weghalen',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(removes[0]));
    expect(backend.deleteHourEntry).not.toHaveBeenCalled();

    // By keyboard: Tab to the 2 hours, Enter. 1 hour is left, so 1,5 more is saved.
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(backend.deleteHourEntry).toHaveBeenCalledWith('e-1');
    await waitFor(() => expect(screen.queryByTestId('lower-day')).toBeNull());
    await waitFor(() => expect(monday.value).toBe('2,5'));
    expect(document.activeElement).toBe(cell('v-anna', '2025-11-25'));
    expect(screen.getByTestId('grid-undo').textContent).toContain('van 2,5 uur terug naar 3 uur');

    // Ctrl+Z in a cell: the 1,5 goes and the 2 hours come back, as they were.
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(monday.value).toBe('3'));
    expect(backend.deleteHourEntry).toHaveBeenLastCalledWith('e-2');
    expect(backend.logHours).toHaveBeenCalledWith(
      expect.objectContaining({ volunteerId: 'v-anna', date: '2025-11-24', duration: '120m', programmeId: 'p-admin', confirmDuplicate: true, confirmLongDay: true }),
    );
    // The second Ctrl+Z undoes the first change: back to the 1 hour the week started with.
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(monday.value).toBe('1'));
    expect(screen.queryByTestId('grid-undo')).toBeNull();
  });

  it('"Laat staan" keeps the day as it is', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(WeekGrid, props());
    await screen.findByTestId('week-label');
    const monday = cell('v-anna', '2025-11-24');
    await userEvent.click(monday);
    await userEvent.keyboard('{Backspace}{Enter}');
    await screen.findByTestId('lower-day');

    await userEvent.keyboard('{Escape}');

    expect(screen.queryByTestId('lower-day')).toBeNull();
    expect(backend.deleteHourEntry).not.toHaveBeenCalled();
    expect(monday.value).toBe('1');
    await waitFor(() => expect(document.activeElement).toBe(monday));
  });

  it('jumps over an untouched cell on Enter without saving, and wraps to the next row after the last open day', async () => {
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
    expect(backend.setDayHours).not.toHaveBeenCalled();
  });

  it('shows a refusal at the cell, tied to the input, and keeps the typed value', async () => {
    setBackend(
      fakeBackend({
        setDayHours: async () => {
          throw refusal({ field: 'duration', message: 'De duur is 25 uur; op één dag kan dat hoogstens 24 uur zijn.' });
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

  it('asks "Klopt dat?" above a plausible day, in the backend\'s words, and saves only on yes', async () => {
    const calls: DayHoursInput[] = [];
    const question = 'Klopt dat? Met deze inzet staat er op 24-11-2025 23 uur bij deze vrijwilliger; dat is meer dan 10 uur op één dag.';
    const base = fakeBackend();
    setBackend(
      fakeBackend({
        setDayHours: async (input) => {
          calls.push(input);
          if (!input.confirmLongDay) throw refusal({ code: 'long_day', field: null, reason: null, message: question });
          return base.setDayHours(input);
        },
      }),
    );
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
    expect(monday.value).toBe('23');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(await screen.findByTestId('confirm-duplicate'));

    expect(calls.map((c) => c.confirmLongDay)).toEqual([false, false, true]);
    await waitFor(() => expect(monday.value).toBe('23'));
    expect(screen.getByTestId('grid-undo').textContent).toContain('van 23 uur terug naar 1 uur');
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
