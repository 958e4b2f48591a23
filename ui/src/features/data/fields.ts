// What a spreadsheet can hold and which of Draagkracht's fields make sense for each kind, in the
// order the mapping offers them; "Niet inlezen" (ignore) is always there too.
import type { ColumnMapping, ImportKind, SourceColumn, TargetField } from '../../api/bindings';

/** The kinds, in the order the choice lists them. */
export const KINDS: ImportKind[] = ['volunteers', 'participants', 'matches', 'hour_entries', 'organisations'];

/** The fields a column can go to, per kind. */
export const FIELDS: Record<ImportKind, TargetField[]> = {
  volunteers: ['volunteer_name', 'email', 'phone', 'status', 'start_date', 'agreed_hours', 'programme'],
  participants: ['participant_label', 'contact', 'consent_date', 'municipality'],
  matches: ['participant_label', 'volunteer_name', 'programme', 'start_date', 'expected_end_date'],
  hour_entries: ['volunteer_name', 'date', 'duration', 'programme', 'kind', 'note'],
  organisations: ['organisation_name', 'what', 'referral_kinds', 'domains', 'contact', 'opening_hours', 'note'],
};

/** The choices for a column of a sheet of this kind: "Niet inlezen" first, then the kind's fields. */
export function choicesFor(kind: ImportKind): TargetField[] {
  return ['ignore', ...FIELDS[kind]];
}

/**
 * Where each column goes for `kind`: what the coordinator chose for it (`chosen`, by column index)
 * if that fits the kind, otherwise Draagkracht's guess if that fits, otherwise nowhere. A choice
 * that does not fit is kept for when the kind changes back.
 */
export function mappingFor(kind: ImportKind, columns: SourceColumn[], chosen: Record<number, TargetField> = {}): Record<number, TargetField> {
  const fits = (field: TargetField | undefined): field is TargetField => field !== undefined && (field === 'ignore' || FIELDS[kind].includes(field));
  const mapping: Record<number, TargetField> = {};
  for (const column of columns) {
    const choice = chosen[column.index];
    mapping[column.index] = fits(choice) ? choice : fits(column.guess) ? column.guess : 'ignore';
  }
  return mapping;
}

/** The mapping as the backend takes it: every column of the sheet, in order. */
export function columnMappings(columns: SourceColumn[], mapping: Record<number, TargetField>): ColumnMapping[] {
  return columns.map((column) => ({ index: column.index, field: mapping[column.index] ?? 'ignore' }));
}

/** The letter a spreadsheet shows above a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
