// An erasure just done, handed from the person's page to the list it returns to: the page is gone
// once the list shows, so the list takes the report from here once, when it opens.
import type { ErasureReport } from '../../api/bindings';

/** Whose data was erased (as the page named them) and what the backend reported. */
export type Erased = { name: string; report: ErasureReport };

let pending: Erased | null = null;

/** Keeps the report for the list that opens next. */
export function rememberErasure(erased: Erased): void {
  pending = erased;
}

/** The report of an erasure just done, once; `null` when there is none. */
export function takeErasure(): Erased | null {
  const erased = pending;
  pending = null;
  return erased;
}
