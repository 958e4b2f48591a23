// The fields of the sharing forms as a refusal names them, so the message lands at the right
// field, and how a join code is shown.
import type { Field } from '../../api/bindings';

/** This laptop's name among the branch's laptops. */
export const DEVICE_NAME = 'name' satisfies Field;

/** The shared folder. */
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
