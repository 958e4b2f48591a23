// The backend names the field a sharing failure is about; a form shows it there when it has that
// field, otherwise above the form.
import { describe, expect, it } from 'vitest';
import type { ApiError, Field } from '../../api/bindings';
import { atItsField, DEVICE_NAME, FOLDER, JOIN_CODE } from './fields';

function failure(field: Field | null): ApiError {
  return { code: 'invalid_input', message: 'Zo niet.', messageEn: 'Not so.', field, reason: null };
}

const JOIN: readonly Field[] = [DEVICE_NAME, FOLDER, JOIN_CODE];
const START: readonly Field[] = [DEVICE_NAME, FOLDER];

describe('a sharing failure', () => {
  it('stays at the field the backend named when the form has it', () => {
    for (const field of JOIN) {
      const named = failure(field);
      expect(atItsField(named, JOIN)).toBe(named);
    }
  });

  it('goes above the form when the form lacks that field or none is named', () => {
    expect(atItsField(failure(JOIN_CODE), START).field).toBeNull();
    const none = failure(null);
    expect(atItsField(none, JOIN)).toBe(none);
  });
});
