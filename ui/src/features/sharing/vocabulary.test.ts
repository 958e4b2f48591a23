import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { valueText } from './vocabulary';

describe('a row removed on one laptop and edited on another', () => {
  it('shows the removal and the edits in words', () => {
    applyLanguage('nl');
    expect(valueText('signal_thresholds', '_row', '0')).toBe('verwijderd');
    expect(valueText('hour_entries', '_row', '{"minutes":90}')).toBe(
      'Gewijzigd terwijl een andere laptop het verwijderde: Duur 1,5 uur',
    );
    expect(valueText('hour_entries', '_row', '{not json')).toBe('{not json');
  });
});
