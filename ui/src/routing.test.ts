// Routes survive a round trip through the URL hash.
import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from './routing.svelte';

describe('routing', () => {
  it('prints and parses every route', () => {
    const routes: Route[] = [
      { name: 'attention' },
      { name: 'signal', id: 's-1' },
      { name: 'signal', id: 's 2/x' },
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
      { name: 'reports' },
      { name: 'safety' },
      { name: 'privacy' },
      { name: 'data' },
      { name: 'sharing' },
      { name: 'directory' },
      { name: 'funding' },
      { name: 'about' },
      { name: 'national' },
    ];
    for (const route of routes) expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it('starts at the attention list: an empty or unknown hash shows it', () => {
    expect(parseHash('')).toEqual({ name: 'attention' });
    expect(parseHash('#/')).toEqual({ name: 'attention' });
    expect(parseHash('#/nonsense')).toEqual({ name: 'attention' });
    expect(parseHash('#/signals')).toEqual({ name: 'attention' });
    expect(parseHash('#/overview')).toEqual({ name: 'overview' });
    expect(parseHash('#/safety')).toEqual({ name: 'safety' });
    expect(hrefFor({ name: 'safety' })).toBe('#/safety');
    expect(parseHash('#/privacy')).toEqual({ name: 'privacy' });
    expect(hrefFor({ name: 'privacy' })).toBe('#/privacy');
    expect(parseHash('#/data')).toEqual({ name: 'data' });
    expect(hrefFor({ name: 'data' })).toBe('#/data');
    expect(parseHash('#/reports')).toEqual({ name: 'reports' });
    expect(hrefFor({ name: 'reports' })).toBe('#/reports');
    expect(parseHash('#/sharing')).toEqual({ name: 'sharing' });
    expect(hrefFor({ name: 'sharing' })).toBe('#/sharing');
    expect(parseHash('#/about')).toEqual({ name: 'about' });
    expect(hrefFor({ name: 'about' })).toBe('#/about');
    expect(parseHash('#/funding')).toEqual({ name: 'funding' });
    expect(hrefFor({ name: 'funding' })).toBe('#/funding');
    expect(parseHash('#/landelijk')).toEqual({ name: 'national' });
    expect(hrefFor({ name: 'national' })).toBe('#/landelijk');
  });
});
