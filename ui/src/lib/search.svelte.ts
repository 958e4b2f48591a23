// What list pages share: a search box that asks again only once typing pauses (or at Enter), and
// table rows that open on Enter or Space as well as on a click.

/** The text as typed (`text`, bound to the box) and the text to search on (`settled`). */
export class DebouncedSearch {
  text = $state('');
  settled = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #delayMs: number;

  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  /** For the box's oninput: settle once typing has paused. */
  typed = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.settled = this.text), this.#delayMs);
  };

  /** For the box's onkeydown: Enter searches at once. */
  keydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      clearTimeout(this.#timer);
      this.settled = this.text;
    }
  };

  /** Forget a pending search, when the page goes. */
  stop(): void {
    clearTimeout(this.#timer);
  }
}

/** For a clickable row's onkeydown: Enter or Space does what a click does. */
export function activateOnKey(event: KeyboardEvent, activate: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    activate();
  }
}
