// A refusal lands at the field it names when the form has that field, at the top otherwise; editing
// that field takes it away.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Field } from '../api/bindings';
import { Refusal } from './form.svelte';

function refused(field: Field | null): ApiError {
  return { code: 'invalid_input', message: 'Nee', messageEn: 'No', field, reason: 'required' };
}

describe('Refusal', () => {
  afterEach(() => document.body.replaceChildren());

  it('holds nothing before a refusal', () => {
    const form = new Refusal({ note: 'x-note' }, 'x-error-');
    expect(form.fieldError).toBeNull();
    expect(form.generalError).toBeNull();
    expect(form.errorFor('note')).toBeNull();
    expect(form.describedBy('note')).toBeUndefined();
    expect(form.describedBy('note', 'x-note-help')).toBe('x-note-help');
  });

  it('puts a refusal of one of its fields at that field', () => {
    const form = new Refusal({ note: 'x-note', date: 'x-date' }, 'x-error-');
    form.failure = refused('date');
    expect(form.fieldError).toBe(form.failure);
    expect(form.generalError).toBeNull();
    expect(form.errorFor('date')).toBe(form.failure);
    expect(form.errorFor('note')).toBeNull();
    expect(form.errorFor('note', 'date')).toBe(form.failure);
    expect(form.describedBy('date', 'x-date-help')).toBe('x-date-help x-error-date');
    expect(form.describedBy('date', 'a', undefined, 'b')).toBe('a b x-error-date');
    expect(form.describedBy('note', 'x-note-help')).toBe('x-note-help');
    expect(form.refusedInput()).toBe('x-date');
  });

  it('puts a refusal without a field here at the top', () => {
    const form = new Refusal({ note: 'x-note' }, 'x-error-');
    form.failure = refused('email');
    expect(form.fieldError).toBeNull();
    expect(form.generalError).toBe(form.failure);
    expect(form.errorFor('email')).toBeNull();
    expect(form.refusedInput()).toBeUndefined();
    form.failure = refused(null);
    expect(form.generalError).toBe(form.failure);
    form.failure = null;
    expect(form.generalError).toBeNull();
  });

  it('focuses the refused field, or the first choice in a refused fieldset', async () => {
    document.body.innerHTML = `
      <input id="x-note" />
      <fieldset id="x-choices"><input type="search" /><input type="checkbox" id="first-box" /></fieldset>`;
    const form = new Refusal({ note: 'x-note', volunteers: 'x-choices' }, 'x-error-');

    form.failure = refused('note');
    await form.focusRefused();
    expect(document.activeElement?.id).toBe('x-note');

    form.failure = refused('volunteers');
    await form.focusRefused('input[type="checkbox"]');
    expect(document.activeElement?.id).toBe('first-box');

    form.failure = refused('email');
    await form.focusRefused();
    expect(document.activeElement?.id).toBe('first-box');
  });

  it("forgets a field's refusal once that field is edited, not another's", () => {
    const form = new Refusal({ note: 'x-note', date: 'x-date' }, 'x-error-');
    form.failure = refused('date');
    form.clear('note');
    expect(form.errorFor('date')).toBe(form.failure);
    form.clear('date');
    expect(form.failure).toBeNull();
  });

  it("clears the refusal of the field (or fieldset) an input event comes from, as a form's oninput", () => {
    document.body.innerHTML = `
      <input id="x-note" /><input id="x-date" />
      <fieldset id="x-choices"><input type="checkbox" id="a-box" /></fieldset>`;
    const form = new Refusal({ note: 'x-note', date: 'x-date', volunteers: 'x-choices' }, 'x-error-');
    const typeIn = (id: string) => form.edited({ target: document.getElementById(id) } as unknown as Event);

    form.failure = refused('date');
    typeIn('x-note');
    expect(form.errorFor('date')).not.toBeNull();
    typeIn('x-date');
    expect(form.failure).toBeNull();

    form.failure = refused('volunteers');
    typeIn('a-box');
    expect(form.failure).toBeNull();

    form.failure = refused('email');
    typeIn('x-note');
    expect(form.generalError).not.toBeNull();
  });
});

describe('Refusal with several fields refused at once', () => {
  afterEach(() => document.body.replaceChildren());

  function several(): ApiError {
    return {
      ...refused('name'),
      also: [
        { field: 'phone', reason: 'invalid_format', message: 'Te kort', messageEn: 'Too short' },
        { field: 'startDate', reason: 'invalid_format', message: 'Geen datum', messageEn: 'No date' },
        { field: 'kind', reason: 'unknown', message: 'Elders', messageEn: 'Elsewhere' },
      ],
    };
  }

  it('shows each at its own field, the first first, and one without a field here at the top', () => {
    const form = new Refusal({ name: 'x-name', phone: 'x-phone', startDate: 'x-start' }, 'x-error-');
    form.failure = several();
    expect(form.fieldError?.field).toBe('name');
    expect(form.refusedInput()).toBe('x-name');
    expect(form.errorFor('phone')?.message).toBe('Te kort');
    expect(form.errorFor('startDate')?.messageEn).toBe('No date');
    expect(form.describedBy('phone')).toBe('x-error-phone');
    expect(form.generalError?.message).toBe('Elders');
  });

  it('forgets only the field that is edited; the first left takes the focus', () => {
    document.body.innerHTML = '<input id="x-name"><input id="x-phone"><input id="x-start">';
    const form = new Refusal({ name: 'x-name', phone: 'x-phone', startDate: 'x-start' }, 'x-error-');
    form.failure = several();
    form.edited({ target: document.getElementById('x-name') } as unknown as Event);
    expect(form.errorFor('name')).toBeNull();
    expect(form.errorFor('phone')?.message).toBe('Te kort');
    expect(form.refusedInput()).toBe('x-phone');
    form.clear('phone');
    expect(form.refusedInput()).toBe('x-start');
    form.failure = null;
    expect(form.errorFor('startDate')).toBeNull();
    expect(form.generalError).toBeNull();
  });
});
