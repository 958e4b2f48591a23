// The list pages' search box settles after a pause or at Enter; rows open on Enter and Space; a
// picker matches names on any word start or part, without minding case or accents.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activateOnKey, DebouncedSearch, matchRank, normalise } from './search.svelte';

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

describe('matching names', () => {
  const rank = (label: string, typed: string) => matchRank(normalise(label), normalise(typed));

  it('compares without case, accents or punctuation', () => {
    expect(normalise('  Zoë  Tinbergen-Ávila ')).toBe('zoe tinbergen avila');
    expect(normalise('D-017 — Thuisadministratie')).toBe('d 017 thuisadministratie');
  });

  it('ranks the start of the name first, then word starts, then any part', () => {
    expect(rank('Tineke Visser', 'Tineke V')).toBe(0);
    expect(rank('Tineke Visser', 'visser t')).toBe(1);
    expect(rank('Tineke Visser', 'isse')).toBe(2);
    expect(rank('Tineke Visser', 'tineke bakker')).toBeNull();
    expect(rank('D-017 — Thuisadministratie', 'd017')).toBeNull();
    expect(rank('D-017 — Thuisadministratie', 'D-017')).toBe(0);
  });
});
