// Which columns of a preview table hold numbers, so they can be right-aligned as in the file. The
// backend sends every cell as text already formatted (`1.234`, `12,5 %`, `€ 1.234,56`) or
// suppressed (`<5`, `×`, `–`); a column is numeric when all its cells are one of those.
import type { PreviewTable } from '../../api/bindings';

const NUMBER = /^(€\s?)?[-−]?\d[\d.,]*(\s?%)?$/;
const PLACEHOLDERS = new Set(['<5', '×', '–', '-', '']);

/** True for `1.234`, `-3`, `12,5 %`, `€ 1.234,56`; false for text, dates (`1-1-2025`) and placeholders. */
export function isNumber(cell: string): boolean {
  return NUMBER.test(cell.trim());
}

/** True for a cell that stands in for a number: `<5`, `×`, `–` or nothing. */
export function isPlaceholder(cell: string): boolean {
  return PLACEHOLDERS.has(cell.trim());
}

/**
 * Per column: does it hold numbers? The first column names the row and never does. A column of
 * only placeholders counts as numeric too, since it stands where numbers would be.
 */
export function numericColumns(table: PreviewTable): boolean[] {
  const lines = table.total ? [...table.rows, table.total] : table.rows;
  return table.columns.map((_, i) => i > 0 && lines.length > 0 && lines.every((row) => isNumber(row[i] ?? '') || isPlaceholder(row[i] ?? '')));
}
