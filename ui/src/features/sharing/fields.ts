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
 * The field a sharing failure without one is about, told from its (Dutch) words, which always
 * name it: the server's address (`Het serveradres klopt niet`, also when the server refuses the
 * login), this laptop's name (`Geef deze laptop een naam`), the code (`Deze code is verlopen`). A
 * wrong code (`wrong_passphrase`) can only be the code. Addresses are left out before reading, so
 * `postgres://naam:wachtwoord@…` in an example is not about the name.
 */
function guessedField(error: ApiError): Field | null {
  const words = error.message.replace(/\S+:\/\/\S*/g, ' ');
  if (/\bserveradres\b/i.test(words) && (error.code === 'invalid_input' || error.code === 'storage')) return FOLDER;
  if (error.code === 'wrong_passphrase') return JOIN_CODE;
  if (error.code !== 'invalid_input') return null;
  if (/\bnaam\b/i.test(words)) return DEVICE_NAME;
  if (/\bcode\b/i.test(words)) return JOIN_CODE;
  return null;
}

/**
 * The failure with the field it is about, when the backend named none and that field is among
 * `fields` (the form's own); otherwise as it came, to be shown above the form.
 */
export function atItsField(error: ApiError, fields: readonly Field[]): ApiError {
  if (error.field !== null) return error;
  const field = guessedField(error);
  return field !== null && fields.includes(field) ? { ...error, field } : error;
}
