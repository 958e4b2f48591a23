// What a form remembers of the backend's last refusal, and how it shows it: at the field the refusal
// names when this form has that field (aria-describedby points to the message, the focus goes
// there), at the top of the form otherwise. One per form; the ids follow the form's own prefix.
import { tick } from 'svelte';
import type { ApiError, Field, RefusalCode } from '../api/bindings';

/** A refusal the form decides itself, before asking the backend (a field left empty), shaped as the backend's. */
export function localRefusal(field: Field | null, reason: RefusalCode, message: string): ApiError {
  return { code: 'invalid_input', message, messageEn: message, field, reason };
}

export class Refusal {
  /** The backend's last refusal, or null after a success or a fresh try. */
  failure = $state<ApiError | null>(null);
  /** The refusal when it names one of this form's fields. */
  readonly fieldError = $derived.by(() => (this.failure?.field && this.#inputs[this.failure.field] ? this.failure : null));
  /** The refusal when it names no field here: shown at the top of the form. */
  readonly generalError = $derived.by(() => (this.failure && !this.fieldError ? this.failure : null));

  readonly #inputs: Partial<Record<Field, string>>;
  readonly #errorIdPrefix: string;

  /**
   * @param inputs the element id of each field this form has (a fieldset for a group of choices)
   * @param errorIdPrefix the id of a field's message is this plus the field, e.g. `rs-error-`;
   *   only `describedBy` needs it, so a form that names its messages otherwise leaves it out
   */
  constructor(inputs: Partial<Record<Field, string>>, errorIdPrefix = '') {
    this.#inputs = inputs;
    this.#errorIdPrefix = errorIdPrefix;
  }

  /** The refusal if it belongs to (one of) these fields, for the field's FieldError. */
  errorFor(...fields: Field[]): ApiError | null {
    const error = this.fieldError;
    return error?.field && fields.includes(error.field) ? error : null;
  }

  /** The aria-describedby of a field: its help texts, plus its message while it is refused. */
  describedBy(field: Field, ...help: (string | undefined)[]): string | undefined {
    const ids = [...help, this.errorFor(field) ? `${this.#errorIdPrefix}${field}` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  /** Forgets the refusal of `field` once it is edited: its message and aria-invalid go, another field's stay. */
  clear(field: Field): void {
    if (this.failure?.field === field) this.failure = null;
  }

  /**
   * A form's `oninput`: the field typed in (or the fieldset around it) loses its refusal at once,
   * instead of showing it until the next save.
   */
  readonly edited = (event: Event): void => {
    const refused = this.refusedInput();
    if (refused && event.target instanceof Node && document.getElementById(refused)?.contains(event.target)) this.failure = null;
  };

  /** The element id of the refused field, if this form has it. */
  refusedInput(): string | undefined {
    return this.failure?.field ? this.#inputs[this.failure.field] : undefined;
  }

  /**
   * Once the message is shown, focus the refused field; in a fieldset the first element matching
   * `inside`, since a fieldset itself takes no focus. A refusal without a field here leaves it.
   */
  async focusRefused(inside = 'input'): Promise<void> {
    await tick();
    const target = this.refusedInput();
    const element = target ? document.getElementById(target) : null;
    (element?.matches('fieldset') ? element.querySelector<HTMLElement>(inside) : element)?.focus();
  }
}
