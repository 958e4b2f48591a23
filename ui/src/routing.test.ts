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
      { name: 'participants' },
      { name: 'participant', id: 'd-017' },
      { name: 'match', id: 'm 1/x' },
      { name: 'match-new', participantId: 'd-017', volunteerId: null },
      { name: 'match-new', participantId: null, volunteerId: 'v-1' },
      { name: 'match-new', participantId: null, volunteerId: null },
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
