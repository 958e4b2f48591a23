// Which screen the window shows, kept in the URL hash (`#/volunteers/v-12`) so that a reload keeps
// the place. No router library: a dozen or so routes, parsed and printed here.
import type { MatchId, ParticipantId, SignalId, VolunteerId } from './api/bindings';

export type Route =
  /** The start screen: who needs attention now. */
  | { name: 'attention' }
  | { name: 'signal'; id: SignalId }
  | { name: 'overview' }
  | { name: 'volunteers' }
  | { name: 'volunteer'; id: VolunteerId }
  | { name: 'volunteer-new' }
  | { name: 'volunteer-edit'; id: VolunteerId }
  | { name: 'participants' }
  | { name: 'participant'; id: ParticipantId }
  | { name: 'match'; id: MatchId }
  /** The match form, opened from a participant (chosen) or a volunteer (ticked), or from neither. */
  | { name: 'match-new'; participantId: ParticipantId | null; volunteerId: VolunteerId | null }
  | { name: 'hours'; volunteerId: VolunteerId | null }
  | { name: 'programmes' }
  /** Reports for funders (anonymous) or for internal use, as PDF, Excel or CSV. */
  | { name: 'reports' }
  /** The passphrase and the backups. */
  | { name: 'safety' }
  /** The AVG tools: the coordinator's name, retention per programme and its review, the audit log. */
  | { name: 'privacy' }
  /** Getting data in and out: a spreadsheet import, and everything to or from another laptop. */
  | { name: 'data' }
  /** Several coordinators sharing the branch: the shared folder, syncing, laptops, "Twee versies". */
  | { name: 'sharing' }
  /** The sociale kaart: the organisations the branch refers to. */
  | { name: 'directory' }
  /** The municipalities participants live in and the subsidies the branch receives, for reports on them. */
  | { name: 'funding' }
  /** Over Draagkracht: version, build date, where the data is, the licence and third-party licences. */
  | { name: 'about' }
  /**
   * Landelijk overzicht: the figures the branches published, read with a national, regional or
   * branch login on the server. Needs no branch database, so the window shows it whatever state the
   * database is in.
   */
  | { name: 'national' };

/** The route a hash names; anything unknown is the attention list, the start screen. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  switch (first) {
    case 'signals':
      return second === undefined ? { name: 'attention' } : { name: 'signal', id: second };
    case 'overview':
      return { name: 'overview' };
    case 'volunteers':
      if (second === undefined) return { name: 'volunteers' };
      if (second === 'new') return { name: 'volunteer-new' };
      if (third === 'edit') return { name: 'volunteer-edit', id: second };
      if (third === 'new-match') return { name: 'match-new', participantId: null, volunteerId: second };
      return { name: 'volunteer', id: second };
    case 'participants':
      if (second === undefined) return { name: 'participants' };
      if (third === 'new-match') return { name: 'match-new', participantId: second, volunteerId: null };
      return { name: 'participant', id: second };
    case 'matches':
      if (second === undefined || second === 'new') return { name: 'match-new', participantId: null, volunteerId: null };
      return { name: 'match', id: second };
    case 'hours':
      return { name: 'hours', volunteerId: second ?? null };
    case 'programmes':
      return { name: 'programmes' };
    case 'reports':
      return { name: 'reports' };
    case 'safety':
      return { name: 'safety' };
    case 'privacy':
      return { name: 'privacy' };
    case 'data':
      return { name: 'data' };
    case 'sharing':
      return { name: 'sharing' };
    case 'directory':
      return { name: 'directory' };
    case 'funding':
      return { name: 'funding' };
    case 'about':
      return { name: 'about' };
    case 'landelijk':
      return { name: 'national' };
    default:
      return { name: 'attention' };
  }
}

/** The hash for a route, e.g. `#/volunteers/v-12/edit`. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'attention':
      return '#/attention';
    case 'signal':
      return `#/signals/${encodeURIComponent(route.id)}`;
    case 'overview':
      return '#/overview';
    case 'volunteers':
      return '#/volunteers';
    case 'volunteer':
      return `#/volunteers/${encodeURIComponent(route.id)}`;
    case 'volunteer-new':
      return '#/volunteers/new';
    case 'volunteer-edit':
      return `#/volunteers/${encodeURIComponent(route.id)}/edit`;
    case 'participants':
      return '#/participants';
    case 'participant':
      return `#/participants/${encodeURIComponent(route.id)}`;
    case 'match':
      return `#/matches/${encodeURIComponent(route.id)}`;
    case 'match-new':
      if (route.participantId) return `#/participants/${encodeURIComponent(route.participantId)}/new-match`;
      if (route.volunteerId) return `#/volunteers/${encodeURIComponent(route.volunteerId)}/new-match`;
      return '#/matches/new';
    case 'hours':
      return route.volunteerId ? `#/hours/${encodeURIComponent(route.volunteerId)}` : '#/hours';
    case 'programmes':
      return '#/programmes';
    case 'reports':
      return '#/reports';
    case 'safety':
      return '#/safety';
    case 'privacy':
      return '#/privacy';
    case 'data':
      return '#/data';
    case 'sharing':
      return '#/sharing';
    case 'directory':
      return '#/directory';
    case 'funding':
      return '#/funding';
    case 'about':
      return '#/about';
    case 'national':
      return '#/landelijk';
  }
}

let current = $state<Route>(typeof location === 'undefined' ? { name: 'attention' } : parseHash(location.hash));

/** The route shown now. */
export function route(): Route {
  return current;
}

/** Shows another screen and records it in the history. */
export function navigate(to: Route): void {
  const href = hrefFor(to);
  if (typeof history !== 'undefined' && location.hash !== href) history.pushState(null, '', href);
  current = to;
}

/** Follows links and the back button; returns the function that stops listening. */
export function followHash(): () => void {
  const update = () => {
    current = parseHash(location.hash);
  };
  window.addEventListener('hashchange', update);
  window.addEventListener('popstate', update);
  return () => {
    window.removeEventListener('hashchange', update);
    window.removeEventListener('popstate', update);
  };
}
