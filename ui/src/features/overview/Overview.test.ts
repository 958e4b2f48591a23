// The overview: this month's hours per programme with training apart, the totals, and paging
// through months; under it the branch over the years.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, MONTH, TODAY, TREND } from '../../test/fakeBackend';
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

  it('lists the branch years in order with the figures formatted, and reads the first whole year against the latest', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(Overview, { today: TODAY });

    const section = await screen.findByTestId('branch-trend');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('De afdeling door de jaren');
    const table = await within(section).findByTestId('branch-trend-table');
    expect(backend.branchTrend).toHaveBeenCalledTimes(1);
    const head = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(head).toEqual([
      'Jaar',
      'Vrijwilligers met uren',
      'Uren',
      'Training',
      'Koppelingen',
      '% complex',
      '% acuut',
      'Uren grijs gebied',
      'Uren professioneel',
    ]);
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2021', '40', '1.500', '50', '30', '10,0\u00a0%', '3,3\u00a0%', '133,33', '33,33'],
      ['2022', '95', '5.000', '150', '80', '12,5\u00a0%', '2,5\u00a0%', '400', '100'],
      ['2023', '110', '6.500', '180', '96', '18,8\u00a0%', '4,2\u00a0%', '650', '183,33'],
      ['2024', '130', '9.250', '200', '110', '24,5\u00a0%', '5,5\u00a0%', '1.100', '316,67'],
      ['2025 (tot nu toe)', '120', '8.000', '190', '104', '26,0\u00a0%', '6,7\u00a0%', '1.000', '333,33'],
    ]);

    // The chart: one bar per year, this year lighter, the complex share as a line with a dot per year.
    const chart = within(section).getByTestId('branch-trend-chart');
    expect(chart.tagName).toBe('FIGURE');
    const bars = Array.from(chart.querySelectorAll('rect.chart-bar'));
    expect(bars.map((b) => b.getAttribute('data-year'))).toEqual(['2021', '2022', '2023', '2024', '2025']);
    const height = (year: number) => Number(chart.querySelector(`rect[data-year="${year}"]`)!.getAttribute('height'));
    expect(height(2024) / height(2022)).toBeCloseTo(1.85);
    expect(chart.querySelectorAll('rect.chart-bar-current')).toHaveLength(1);
    expect(chart.querySelector('rect[data-year="2025"]')!.classList.contains('chart-bar-current')).toBe(true);
    const dotY = (year: number) => Number(chart.querySelector(`circle[data-year="${year}"]`)!.getAttribute('cy'));
    expect(dotY(2025)).toBeLessThan(dotY(2022));
    expect(chart.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(chart.querySelector('figcaption')?.textContent).toContain('De cijfers staan in de tabel hierboven.');

    // 2021 is where the records start and 2025 is still running: 2022 against 2024.
    expect(within(section).getByTestId('branch-trend-reading').textContent).toBe(
      'Van 2022 tot en met 2024 zijn de uren met 85,0\u00a0% gegroeid; het deel complexe koppelingen ging van 12,5\u00a0% naar 24,5\u00a0%.',
    );
    expect(within(section).getByTestId('branch-trend-note').textContent).toContain('niet compleet');

    // Paging through the months leaves the years alone.
    await userEvent.click(screen.getByTestId('month-prev'));
    expect(backend.branchTrend).toHaveBeenCalledTimes(1);
  });

  it('says when hours fell, and when there are too few whole years to compare', async () => {
    const [, y2022, y2023] = structuredClone(TREND.years);
    setBackend(fakeBackend({ branchTrend: async () => ({ years: [structuredClone(TREND.years[0]!), { ...y2023!, minutes: 600_000n }, { ...y2022!, year: 2024, minutes: 450_000n }] }) }));
    const { unmount } = render(Overview, { today: TODAY });
    expect((await screen.findByTestId('branch-trend-reading')).textContent).toBe(
      'Van 2023 tot en met 2024 zijn de uren met 25,0\u00a0% gedaald; het deel complexe koppelingen ging van 18,8\u00a0% naar 12,5\u00a0%.',
    );
    unmount();

    setBackend(fakeBackend({ branchTrend: async () => ({ years: structuredClone(TREND.years.slice(3)) }) }));
    render(Overview, { today: TODAY });
    expect((await screen.findByTestId('branch-trend-reading')).textContent).toBe(
      'Er zijn nog te weinig hele jaren om te vergelijken. Het eerste jaar en het lopende jaar zijn niet compleet.',
    );
    expect(screen.queryByTestId('branch-trend-note')).toBeNull();
    expect(screen.getByTestId('branch-trend-table').querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('shows the years in English', async () => {
    applyLanguage('en');
    setBackend(fakeBackend());
    render(Overview, { today: TODAY });
    const reading = await screen.findByTestId('branch-trend-reading');
    expect(reading.textContent).toBe('From 2022 through 2024 the hours grew by 85.0%; the share of complex matches went from 12.5% to 24.5%.');
    const last = Array.from(screen.getByTestId('branch-trend-table').querySelectorAll('tbody tr')).at(-1)!;
    expect(last.querySelector('th')?.textContent).toBe('2025 (so far)');
    expect(last.textContent).toContain('8,000');
  });

  it('says so when there are no years with hours yet', async () => {
    setBackend(fakeBackend({ branchTrend: async () => ({ years: [] }) }));
    render(Overview, { today: TODAY });
    expect((await screen.findByTestId('branch-trend-empty')).textContent).toContain('nog geen uren');
    expect(screen.queryByTestId('branch-trend-chart')).toBeNull();
  });
});
