// One field of a form: the label names the control, the help and the refusal are read with it
// (aria-describedby), and aria-invalid is there only while the refusal shows.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, Field } from '../api/bindings';
import { applyLanguage } from '../i18n/i18n.svelte';
import FieldForm from '../test/FieldForm.svelte';
import { Refusal } from './form.svelte';

function refused(field: Field | null): ApiError {
  return { code: 'invalid_input', message: 'Vul een naam in.', messageEn: 'Fill in a name.', field, reason: 'required' };
}

function control(): HTMLInputElement {
  return screen.getByTestId('control') as HTMLInputElement;
}

function refuse(refusal: Refusal, field: Field | null) {
  refusal.failure = refused(field);
  flushSync();
}

beforeEach(() => applyLanguage('nl'));
afterEach(() => applyLanguage('nl'));

describe('Field', () => {
  it('labels its control, which the form binds', async () => {
    let typed = '';
    render(FieldForm, {
      props: {
        id: 'x-name',
        label: 'Naam',
        get value() {
          return typed;
        },
        set value(v: string) {
          typed = v;
        },
      },
    });
    expect(screen.getByLabelText('Naam')).toBe(control());
    expect(control().id).toBe('x-name');
    expect(control().closest('div')?.className).toBe('field');

    await userEvent.type(control(), 'Anna');
    expect(typed).toBe('Anna');
  });

  it('marks an optional field in the label, in the window language', () => {
    render(FieldForm, { props: { id: 'x-email', label: 'E-mail', optional: true } });
    const label = document.querySelector('label[for="x-email"]');
    expect(label?.textContent).toBe('E-mail (niet verplicht)');
    expect(label?.querySelector('.optional')?.textContent).toBe('(niet verplicht)');

    applyLanguage('en');
    flushSync();
    expect(label?.textContent).toBe('E-mail (optional)');
  });

  it('leaves the marker out, and aria-invalid, aria-describedby and aria-required off, for a bare field', () => {
    render(FieldForm, { props: { id: 'x-name', label: 'Naam' } });
    expect(document.querySelector('label[for="x-name"]')?.textContent).toBe('Naam');
    expect(control().hasAttribute('aria-invalid')).toBe(false);
    expect(control().hasAttribute('aria-describedby')).toBe(false);
    expect(control().hasAttribute('aria-required')).toBe(false);
    expect(document.querySelector('.field-help')).toBeNull();
  });

  it('puts the help under the control and points the control at it', () => {
    render(FieldForm, { props: { id: 'x-date', label: 'Datum', hint: 'Bijvoorbeeld 31-12-2025.' } });
    const help = document.getElementById('x-date-help');
    expect(help?.className).toBe('field-help');
    expect(help?.textContent).toBe('Bijvoorbeeld 31-12-2025.');
    expect(control().getAttribute('aria-describedby')).toBe('x-date-help');
  });

  it('takes another id for its help, and help texts from elsewhere', () => {
    render(FieldForm, {
      props: { id: 'x-on', label: 'Op', hint: 'Hulp', hintId: 'x-own-help', hintTestid: 'x-own-help', helpIds: ['x-shared-help'] },
    });
    expect(screen.getByTestId('x-own-help').id).toBe('x-own-help');
    expect(control().getAttribute('aria-describedby')).toBe('x-own-help x-shared-help');
  });

  it('shows the refusal of its field under it, with aria-invalid, until the field is edited', async () => {
    const refusal = new Refusal({ name: 'x-name' }, 'x-error-');
    render(FieldForm, {
      props: { id: 'x-name', label: 'Naam', hint: 'Zoals op de VOG.', refusal, form: refusal, field: 'name', errorId: 'x-error-name', errorTestid: 'error-name' },
    });
    expect(screen.queryByTestId('error-name')).toBeNull();

    refuse(refusal, 'name');
    const error = screen.getByTestId('error-name');
    expect(error.id).toBe('x-error-name');
    expect(error.textContent).toContain('Vul een naam in.');
    expect(control().getAttribute('aria-invalid')).toBe('true');
    expect(control().getAttribute('aria-describedby')).toBe('x-name-help x-error-name');
    expect(control().getAttribute('aria-describedby')).toBe(refusal.describedBy('name', 'x-name-help'));

    await userEvent.type(control(), 'A');
    expect(screen.queryByTestId('error-name')).toBeNull();
    expect(control().hasAttribute('aria-invalid')).toBe(false);
    expect(control().getAttribute('aria-describedby')).toBe('x-name-help');
  });

  it("leaves another field's refusal alone", () => {
    const refusal = new Refusal({ name: 'x-name', email: 'x-email' }, 'x-error-');
    render(FieldForm, { props: { id: 'x-name', label: 'Naam', refusal, field: 'name', errorId: 'x-error-name' } });
    refuse(refusal, 'email');
    expect(document.getElementById('x-error-name')).toBeNull();
    expect(control().hasAttribute('aria-invalid')).toBe(false);
    expect(control().hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows the refusal of any of its fields, with the error id as testid when none is given', () => {
    const refusal = new Refusal({ professionalKind: 'x-kind', kind: 'x-kind' });
    render(FieldForm, { props: { id: 'x-kind', label: 'Soort', refusal, field: ['professionalKind', 'kind'], errorId: 'x-error-kind' } });
    refuse(refusal, 'kind');
    expect(screen.getByTestId('x-error-kind').id).toBe('x-error-kind');
    expect(control().getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refusal the form decided itself', () => {
    render(FieldForm, { props: { id: 'x-name', label: 'Naam', error: refused(null), errorId: 'x-error-name' } });
    expect(screen.getByTestId('x-error-name').textContent).toContain('Vul een naam in.');
    expect(control().getAttribute('aria-invalid')).toBe('true');
    expect(control().getAttribute('aria-describedby')).toBe('x-error-name');
  });

  it('marks a field that is always needed as required', () => {
    render(FieldForm, { props: { id: 'x-code', label: 'Code', required: true } });
    expect(control().getAttribute('aria-required')).toBe('true');
  });

  it('can hide its label from sight but not from screen readers', () => {
    render(FieldForm, { props: { id: 'x-name', label: 'Naam van Anna', hideLabel: true, class: 'activity-name' } });
    expect(screen.getByLabelText('Naam van Anna')).toBe(control());
    expect(document.querySelector('label')?.className).toBe('visually-hidden');
    expect(control().closest('div')?.className).toBe('field activity-name');
  });
});
