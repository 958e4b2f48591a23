// The fixed word lists of a volunteer's support. Their names live in the dictionaries
// (`supervisionKind.*`, `band.*`); the check-in statements come from the backend in both languages.
import type { Statement, SupervisionKind } from '../../api/bindings';
import { formatDate } from '../../format';
import { lang } from '../../i18n/i18n.svelte';

/** In the order the form offers them: intervision is the usual one. */
export const SUPERVISION_KINDS: readonly SupervisionKind[] = ['intervision', 'supervision'];

/** A statement of the check-in in the current language. */
export function statementText(statement: Statement): string {
  return lang() === 'en' ? statement.en : statement.nl;
}

/** `intervisie` → `Intervisie`, for a word that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date as the coordinator typed it, shown the Dutch way: `2025-11-24` and `24-11-2025` both as `24-11-2025`. */
export function typedDate(text: string): string {
  const trimmed = text.trim();
  return /^\d{4}-\d\d-\d\d$/.test(trimmed) ? formatDate(trimmed) : trimmed;
}
