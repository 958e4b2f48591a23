// The overview: this month's hours per programme with training apart, the totals, and paging
// through months.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, MONTH, TODAY } from '../../test/fakeBackend';
import Overview from './Overview.svelte';

beforeEach(() => applyLanguage('nl'));

describe('overview', () => {
  it('shows hours per programme, training apart, and the totals for this month', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(Overview, { today: TODAY });

    const table = await screen.findByTestId('overview-table');
    expect(backend.monthOverview).toHaveBeenCalledWith(null);
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).slice(0, 4).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Thuisadministratie', '10', '1,5', '3'],
      ['Maatje', '5', '0', '2'],
    ]);
    const total = screen.getByTestId('overview-total').textContent ?? '';
    expect(total).toContain('Totaal');
    expect(total).toContain('15');
    expect(screen.getByTestId('figure-active').textContent).toBe('12');
    expect(screen.getByTestId('month-label').textContent).toContain('november 2025');
    // No months ahead of today.
    expect((screen.getByTestId('month-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('pages to the previous month and back', async () => {
    const backend = fakeBackend({
      monthOverview: async (day) =>
        day === '2025-10-01' ? { ...MONTH, firstDay: '2025-10-01', lastDay: '2025-10-31', rows: [], totalMinutes: 0 } : MONTH,
    });
    setBackend(backend);
    render(Overview, { today: TODAY });
    await screen.findByTestId('overview-table');

    await userEvent.click(screen.getByTestId('month-prev'));
    expect(backend.monthOverview).toHaveBeenLastCalledWith('2025-10-01');
    await waitFor(() => expect(screen.getByTestId('month-label').textContent).toContain('oktober 2025'));
    expect(screen.getByTestId('overview-table').textContent).toContain('nog geen uren');

    await userEvent.click(screen.getByTestId('month-next'));
    expect(backend.monthOverview).toHaveBeenLastCalledWith('2025-11-01');
    await waitFor(() => expect(screen.getByTestId('month-label').textContent).toContain('november 2025'));
  });
});
