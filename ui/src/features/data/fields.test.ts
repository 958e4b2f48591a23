// The mapping's rules: the fields each kind offers, choices kept across kinds, column letters.
import { describe, expect, it } from 'vitest';
import type { SourceColumn } from '../../api/bindings';
import { choicesFor, columnLetter, columnMappings, mappingFor } from './fields';

const COLUMNS: SourceColumn[] = [
  { index: 0, header: 'Naam', samples: [], guess: 'volunteer_name' },
  { index: 1, header: 'Datum', samples: [], guess: 'date' },
  { index: 2, header: 'Code', samples: [], guess: 'participant_label' },
];

describe('the mapping', () => {
  it('offers "Niet inlezen" first, then the fields of the kind', () => {
    expect(choicesFor('participants')).toEqual(['ignore', 'participant_label', 'contact', 'consent_date', 'municipality']);
    expect(choicesFor('hour_entries')).toEqual(['ignore', 'volunteer_name', 'date', 'duration', 'programme', 'kind', 'note']);
  });

  it('follows the guesses that fit the kind, and ignores the rest', () => {
    expect(mappingFor('volunteers', COLUMNS)).toEqual({ 0: 'volunteer_name', 1: 'ignore', 2: 'ignore' });
    expect(mappingFor('hour_entries', COLUMNS)).toEqual({ 0: 'volunteer_name', 1: 'date', 2: 'ignore' });
    expect(mappingFor('matches', COLUMNS)).toEqual({ 0: 'volunteer_name', 1: 'ignore', 2: 'participant_label' });
  });

  it('prefers what the coordinator chose, when it fits; "Niet inlezen" always does', () => {
    const chosen = { 0: 'ignore', 1: 'note', 2: 'contact' } as const;
    expect(mappingFor('hour_entries', COLUMNS, chosen)).toEqual({ 0: 'ignore', 1: 'note', 2: 'ignore' });
    expect(mappingFor('participants', COLUMNS, chosen)).toEqual({ 0: 'ignore', 1: 'ignore', 2: 'contact' });
  });

  it('sends every column, in order', () => {
    expect(columnMappings(COLUMNS, { 0: 'volunteer_name', 2: 'contact' })).toEqual([
      { index: 0, field: 'volunteer_name' },
      { index: 1, field: 'ignore' },
      { index: 2, field: 'contact' },
    ]);
  });

  it('names columns by their letters, as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
