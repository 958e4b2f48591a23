// The list pages' search box settles after a pause or at Enter; rows open on Enter and Space.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activateOnKey, DebouncedSearch } from './search.svelte';

describe('DebouncedSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles once typing pauses', () => {
    const search = new DebouncedSearch(200);
    search.text = 'an';
    search.typed();
    vi.advanceTimersByTime(150);
    search.text = 'ann';
    search.typed();
    vi.advanceTimersByTime(150);
    expect(search.settled).toBe('');
    vi.advanceTimersByTime(50);
    expect(search.settled).toBe('ann');
  });

  it('settles at once on Enter and drops the pending one', () => {
    const search = new DebouncedSearch(200);
    search.text = 'piet';
    search.typed();
    search.keydown(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(search.settled).toBe('piet');
    search.text = 'x';
    search.typed();
    search.stop();
    vi.advanceTimersByTime(500);
    expect(search.settled).toBe('piet');
  });
});

describe('activateOnKey', () => {
  it('acts on Enter and Space only', () => {
    const activate = vi.fn();
    for (const key of ['Enter', ' ', 'a', 'Tab']) activateOnKey(new KeyboardEvent('keydown', { key }), activate);
    expect(activate).toHaveBeenCalledTimes(2);
  });
});
