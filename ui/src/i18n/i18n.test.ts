// The two dictionaries must match: every Dutch key has an English text with the same placeholders.
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { applyLanguage, errorText, hours, t } from './i18n.svelte';
import { nl } from './nl';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('dictionaries', () => {
  it('English has every Dutch key and no others', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(nl[key].trim(), `nl ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), `placeholders of ${key}`).toEqual(placeholders(nl[key]));
    }
  });
});

describe('t', () => {
  afterEach(() => applyLanguage('nl'));

  it('follows the current language and fills in placeholders', () => {
    expect(t('volunteer.logHours', { name: 'Anna' })).toBe('Uren invoeren voor Anna');
    applyLanguage('en');
    expect(t('volunteer.logHours', { name: 'Anna' })).toBe('Log hours for Anna');
    expect(document.documentElement.lang).toBe('en');
    expect(hours(90)).toBe('1.5');
  });

  it('shows the refusal message of the current language', () => {
    const error = { code: 'invalid_input', message: 'Vul de naam in.', messageEn: 'Please fill in the name.', field: 'name', reason: 'required' } as const;
    expect(errorText(error)).toBe('Vul de naam in.');
    applyLanguage('en');
    expect(errorText(error)).toBe('Please fill in the name.');
  });
});
