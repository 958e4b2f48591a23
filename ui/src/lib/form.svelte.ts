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
  /**
   * Every refusal of the last save, each as an error of its own: the backend's first, then the
   * others it found in the same form (`also`), so that all show at once. Empty after a success.
   */
  #failures = $state<ApiError[]>([]);

  /** The backend's last refusal (the first of several), or null after a success or a fresh try. */
  get failure(): ApiError | null {
    return this.#failures[0] ?? null;
  }

  set failure(error: ApiError | null) {
    this.#failures = error ? [error, ...(error.also ?? []).map((o) => ({ ...error, ...o, also: undefined }))] : [];
  }

  /** The first refusal that names one of this form's fields: it gets the focus. */
  readonly fieldError = $derived.by(() => this.#failures.find((f) => this.#placed(f)) ?? null);
  /** The first refusal that names no field here: shown at the top of the form. */
  readonly generalError = $derived.by(() => this.#failures.find((f) => !this.#placed(f)) ?? null);

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

  #placed(failure: ApiError): boolean {
    return Boolean(failure.field && this.#inputs[failure.field]);
  }

  /** The refusal if it belongs to (one of) these fields, for the field's FieldError. */
  errorFor(...fields: Field[]): ApiError | null {
    return this.#failures.find((f) => f.field && fields.includes(f.field) && this.#placed(f)) ?? null;
  }

  /** The aria-describedby of a field: its help texts, plus its message while it is refused. */
  describedBy(field: Field, ...help: (string | undefined)[]): string | undefined {
    const ids = [...help, this.errorFor(field) ? `${this.#errorIdPrefix}${field}` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  /** Forgets the refusal of `field` once it is edited: its message and aria-invalid go, another field's stay. */
  clear(field: Field): void {
    this.#failures = this.#failures.filter((f) => f.field !== field);
  }

  /**
   * A form's `oninput`: the field typed in (or the fieldset around it) loses its refusal at once,
   * instead of showing it until the next save; the other fields keep theirs.
   */
  readonly edited = (event: Event): void => {
    if (!(event.target instanceof Node)) return;
    const target = event.target;
    this.#failures = this.#failures.filter((f) => {
      const input = f.field ? this.#inputs[f.field] : undefined;
      return !(input && document.getElementById(input)?.contains(target));
    });
  };

  /** The element id of the first refused field, if this form has it. */
  refusedInput(): string | undefined {
    const field = this.fieldError?.field;
    return field ? this.#inputs[field] : undefined;
  }

  /**
   * Once the messages are shown, focus the first refused field; in a fieldset the first element
   * matching `inside`, since a fieldset itself takes no focus. A refusal without a field here leaves it.
   */
  async focusRefused(inside = 'input'): Promise<void> {
    await tick();
    const target = this.refusedInput();
    const element = target ? document.getElementById(target) : null;
    (element?.matches('fieldset') ? element.querySelector<HTMLElement>(inside) : element)?.focus();
  }
}
