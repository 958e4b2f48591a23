// Moving focus on purpose: to a screen's heading when it opens, so that screen reader and keyboard
// users start at the top of what changed.

/** Svelte action: focus the element once it is in the document. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
