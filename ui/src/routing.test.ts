// Routes survive a round trip through the URL hash.
import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from './routing.svelte';

describe('routing', () => {
  it('prints and parses every route', () => {
    const routes: Route[] = [
      { name: 'overview' },
      { name: 'volunteers' },
      { name: 'volunteer', id: 'v-1' },
      { name: 'volunteer-new' },
      { name: 'volunteer-edit', id: 'v 2/x' },
      { name: 'hours', volunteerId: null },
      { name: 'hours', volunteerId: 'v-3' },
      { name: 'programmes' },
    ];
    for (const route of routes) expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it('shows the overview for an empty or unknown hash', () => {
    expect(parseHash('')).toEqual({ name: 'overview' });
    expect(parseHash('#/nonsense')).toEqual({ name: 'overview' });
  });
});
