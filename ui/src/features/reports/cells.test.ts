// Numbers right-aligned: which preview cells and columns hold numbers.
import { describe, expect, it } from 'vitest';
import { isNumber, isPlaceholder, numericColumns } from './cells';

describe('cells', () => {
  it('recognises numbers as the report writes them', () => {
    for (const cell of ['0', '1.234', '1,5', '-3', '12,5 %', '24.5%', '€ 1.234,56', '€ 5.60']) expect(isNumber(cell), cell).toBe(true);
    for (const cell of ['Maatje', '1-1-2025', 'jan 2025', '<5', '×', '–', '']) expect(isNumber(cell), cell).toBe(false);
    for (const cell of ['<5', '×', '–', '']) expect(isPlaceholder(cell), cell).toBe(true);
  });

  it('treats a column as numeric when every cell, the total too, is a number or stands in for one', () => {
    const table = {
      title: 'Uren per project',
      columns: ['Project', 'Uren', 'Vrijwilligers', 'Opmerking'],
      rows: [
        ['Thuisadministratie', '804', '12', 'loopt'],
        ['Maatje', '483', '<5', ''],
      ],
      total: ['Totaal', '1.287', '16', ''],
      note: null,
    };
    expect(numericColumns(table)).toEqual([false, true, true, false]);
    expect(numericColumns({ ...table, rows: [], total: null })).toEqual([false, false, false, false]);
  });
});
