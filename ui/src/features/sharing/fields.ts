// The fields of the sharing forms as a refusal names them, so the message lands at the right
// field, and how a join code is shown.
import type { ApiError, Field } from '../../api/bindings';

/** This laptop's name among the branch's laptops. */
export const DEVICE_NAME = 'name' satisfies Field;

/** The shared folder, or the server's address: the backend takes either as `path`. */
export const FOLDER = 'path' satisfies Field;

/** The one-time code that opens an invitation: like a recovery code, 20 of Crockford's characters. */
export const JOIN_CODE = 'recoveryCode' satisfies Field;

/**
 * A code in groups of four, the way it is read out and typed over: `k7qf3mzpw8td` →
 * `K7QF-3MZP-W8TD`. Spaces and dashes in what came are dropped first.
 */
export function groupedCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * The failure as the form shows it: at the field the backend named when the form has that field
 * (the name, the folder or server address, the code), otherwise above the form.
 */
export function atItsField(error: ApiError, fields: readonly Field[]): ApiError {
  return error.field !== null && !fields.includes(error.field) ? { ...error, field: null } : error;
}
