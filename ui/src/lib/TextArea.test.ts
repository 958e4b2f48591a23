// A long note: a text area with the backend's limit as maxlength and a counter in the window's
// language ("12 / 1.000 tekens", "12 / 1,000 characters"), which the field points to and which is
// said aloud only near the limit.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.svelte';
import TextArea from './TextArea.svelte';

function setup(props: Record<string, unknown> = {}) {
  render(TextArea, { props: { id: 'x-note', testid: 'x-note', maxlength: 1000, ...props } });
  return {
    field: screen.getByTestId('x-note') as HTMLTextAreaElement,
    counter: screen.getByTestId('x-note-count'),
  };
}

beforeEach(() => applyLanguage('nl'));
afterEach(() => applyLanguage('nl'));

describe('TextArea', () => {
  it('counts what is typed against the limit, thousands with a dot in Dutch', async () => {
    const { field, counter } = setup();
    expect(field.tagName).toBe('TEXTAREA');
    expect(field.maxLength).toBe(1000);
    expect(counter.textContent?.trim()).toBe('0 / 1.000 tekens');

    await userEvent.type(field, 'Koffie{Shift>}{Enter}{/Shift}gezet');
    expect(field.value).toBe('Koffie\ngezet');
    expect(counter.textContent?.trim()).toBe('12 / 1.000 tekens');
  });

  it('says it in English with a comma between the thousands', () => {
    applyLanguage('en');
    const { counter } = setup({ value: 'x'.repeat(1234), maxlength: 2000 });
    expect(counter.textContent?.trim()).toBe('1,234 / 2,000 characters');
  });

  it('takes no more than the limit', async () => {
    const { field, counter } = setup({ maxlength: 10 });
    await userEvent.type(field, 'twaalf tekens');
    expect(field.value).toBe('twaalf tek');
    expect(counter.textContent?.trim()).toBe('10 / 10 tekens');
  });

  it('points the field at the counter after its help and refusal, and says the count aloud only near the limit', async () => {
    const { field, counter } = setup({ maxlength: 20, 'aria-describedby': 'x-help x-error' });
    expect(field.getAttribute('aria-describedby')).toBe('x-help x-error x-note-count');
    expect(counter.id).toBe('x-note-count');
    expect(counter.getAttribute('aria-live')).toBe('off');

    await userEvent.type(field, 'a'.repeat(17));
    expect(counter.getAttribute('aria-live')).toBe('off');
    await userEvent.type(field, 'a');
    expect(counter.getAttribute('aria-live')).toBe('polite');
  });

  it('passes the form its own attributes, such as aria-invalid', () => {
    const { field } = setup({ 'aria-invalid': 'true', rows: 4 });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('rows')).toBe('4');
    expect(field.getAttribute('aria-describedby')).toBe('x-note-count');
  });
});
