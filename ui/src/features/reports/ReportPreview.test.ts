// The preview's tables: each in a frame that scrolls sideways by itself (the hours per month, a
// column per project, is wider than the preview at 800 pixels), and a month, a date or a figure
// never broken over two lines.
import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReportPreview as Preview } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import ReportPreview from './ReportPreview.svelte';

const PREVIEW: Preview = {
  title: 'Verantwoording vrijwilligerswerk',
  branch: 'Demo-afdeling',
  scope: 'Hele afdeling',
  period: '1-1-2025 t/m 31-12-2025',
  notes: [],
  keyFigures: [],
  sections: [
    {
      title: 'Vrijwilligers',
      intro: null,
      tables: [
        {
          title: 'Uren vrijwilligerswerk per project en maand',
          columns: ['Maand', 'Thuisadministratie', 'Taalmaatje', 'Totaal'],
          rows: [
            ['jan 2025', '1.250', '<5', '1.254'],
            ['feb 2025', '980', '12', '992'],
          ],
          total: ['Totaal', '2.230', '16', '2.246'],
          note: null,
          numeric: [false, true, true, true],
        },
        {
          title: 'Waarde van de uren',
          columns: ['Wat', 'Bedrag', 'Sinds'],
          rows: [['Waarde van de uren volgens het tarief van de gemeente', '€ 346.691,48', '31-12-2025']],
          total: null,
          note: null,
          numeric: [false, true, false],
        },
      ],
    },
  ],
};

beforeEach(() => {
  applyLanguage('nl');
});

describe('report preview', () => {
  it('puts every table in a frame of its own and keeps months, dates and amounts on one line', () => {
    render(ReportPreview, { props: { preview: PREVIEW, loading: false, failure: null } });

    const [months, value] = screen.getAllByTestId('report-table');
    for (const table of [months!, value!]) {
      expect(table.parentElement?.classList.contains('table-scroll')).toBe(true);
      expect(table.parentElement?.classList.contains('report-table-wrap')).toBe(true);
    }

    const nowrap = (cell: HTMLElement) => cell.classList.contains('nowrap');
    const jan = within(months!).getByRole('rowheader', { name: 'jan 2025' });
    expect(nowrap(jan)).toBe(true);
    expect(within(months!).getAllByRole('cell').every(nowrap)).toBe(true);
    expect(nowrap(within(months!).getByRole('rowheader', { name: 'Totaal' }))).toBe(false);

    expect(nowrap(within(value!).getByRole('cell', { name: '€ 346.691,48' }))).toBe(true);
    expect(nowrap(within(value!).getByRole('cell', { name: '31-12-2025' }))).toBe(true);
    // A long label may wrap.
    expect(nowrap(within(value!).getByRole('rowheader'))).toBe(false);
  });
});
