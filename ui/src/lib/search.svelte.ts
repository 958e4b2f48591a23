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

/** Text to compare on: lower case, without accents, anything but letters and digits as one space. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How well a label fits what was typed, both normalised: 0 when the label starts with it, 1 when
 * every typed word starts a word of the label ("visser t" for "tineke visser"), 2 when every typed
 * word is somewhere in the label; null when one is not.
 */
export function matchRank(label: string, query: string): number | null {
  if (label.startsWith(query)) return 0;
  const words = query.split(' ');
  if (!words.every((word) => label.includes(word))) return null;
  const spaced = ` ${label}`;
  return words.every((word) => spaced.includes(` ${word}`)) ? 1 : 2;
}
