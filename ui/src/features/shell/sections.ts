// The header menu's sections: the daily screens as links of their own, the screens a coordinator
// opens now and then (Projecten, Sociale kaart, Gemeenten en subsidies, Veiligheid, Privacy,
// Gegevens, Landelijk overzicht, Over Draagkracht) under one Beheer button, so the Dutch menu fits one line beside the
// name and the language switch at 1280 pixels.
import type { MessageKey } from '../../i18n/i18n.svelte';
import type { Route } from '../../routing.svelte';

export type Section =
  | 'attention'
  | 'overview'
  | 'volunteers'
  | 'participants'
  | 'hours'
  | 'programmes'
  | 'reports'
  | 'safety'
  | 'privacy'
  | 'data'
  | 'sharing'
  | 'directory'
  | 'funding'
  | 'national'
  | 'about';

export interface NavItem {
  section: Section;
  label: MessageKey;
  to: Route;
}

/** The links always shown, Aandacht nodig first (the start screen). */
export const DAILY: NavItem[] = [
  { section: 'attention', label: 'nav.attention', to: { name: 'attention' } },
  { section: 'overview', label: 'nav.overview', to: { name: 'overview' } },
  { section: 'volunteers', label: 'nav.volunteers', to: { name: 'volunteers' } },
  { section: 'participants', label: 'nav.participants', to: { name: 'participants' } },
  { section: 'hours', label: 'nav.hours', to: { name: 'hours', volunteerId: null } },
  { section: 'reports', label: 'nav.reports', to: { name: 'reports' } },
  { section: 'sharing', label: 'nav.sharing', to: { name: 'sharing' } },
];

/** The links under Beheer. */
export const MANAGE: NavItem[] = [
  { section: 'programmes', label: 'nav.programmes', to: { name: 'programmes' } },
  { section: 'directory', label: 'nav.directory', to: { name: 'directory' } },
  { section: 'funding', label: 'nav.funding', to: { name: 'funding' } },
  { section: 'safety', label: 'nav.safety', to: { name: 'safety' } },
  { section: 'privacy', label: 'nav.privacy', to: { name: 'privacy' } },
  { section: 'data', label: 'nav.data', to: { name: 'data' } },
  { section: 'national', label: 'nav.national', to: { name: 'national' } },
  { section: 'about', label: 'nav.about', to: { name: 'about' } },
];

/** The section a route belongs to: the menu marks it as the current page. */
export function sectionOf(r: Route): Section {
  switch (r.name) {
    case 'attention':
    case 'signal':
      return 'attention';
    case 'volunteers':
    case 'volunteer':
    case 'volunteer-new':
    case 'volunteer-edit':
      return 'volunteers';
    case 'match-new':
      // Opened from a volunteer page, the form belongs with the volunteers.
      return r.participantId === null && r.volunteerId !== null ? 'volunteers' : 'participants';
    case 'participants':
    case 'participant':
    case 'match':
      return 'participants';
    case 'hours':
      return 'hours';
    case 'programmes':
      return 'programmes';
    case 'reports':
      return 'reports';
    case 'overview':
      return 'overview';
    case 'safety':
      return 'safety';
    case 'privacy':
      return 'privacy';
    case 'data':
      return 'data';
    case 'sharing':
      return 'sharing';
    case 'directory':
      return 'directory';
    case 'funding':
      return 'funding';
    case 'national':
      return 'national';
    case 'about':
      return 'about';
  }
}
