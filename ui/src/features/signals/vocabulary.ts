// The fixed word lists of signals and the texts that depend on the language. Rule names, severities,
// statuses and resolutions live in the dictionaries (`rule.*`, `severity.*`, `signalStatus.*`,
// `resolution.*`); a signal's explanation and its figures' labels come from the backend in both
// languages, and the current one is shown.
import type { Figure, Resolution, SignalStatus, SignalView } from '../../api/bindings';
import { lang } from '../../i18n/i18n.svelte';

/** Every resolution, in the order the resolve form offers those a guide does not put first; "anders" last. */
export const RESOLUTIONS: readonly Resolution[] = [
  'conversation',
  'professional_engaged',
  'task_handed_over',
  'hours_reduced',
  'second_volunteer',
  'break',
  'training',
  'match_ended',
  'other',
];

/** The resolutions in the order the resolve form offers them: the guide's agreements first. */
export function resolutionsFor(agreements: readonly Resolution[]): Resolution[] {
  return [...agreements, ...RESOLUTIONS.filter((r) => !agreements.includes(r))];
}

/** Still asking for attention, or waiting to: the statuses an action can start from. */
export function isLive(status: SignalStatus): boolean {
  return status === 'open' || status === 'acknowledged' || status === 'snoozed';
}

/** The signal's one-line why, in the current language. */
export function explanation(signal: SignalView): string {
  return lang() === 'en' ? signal.explanationEn : signal.explanation;
}

/** A figure's label, in the current language. */
export function figureLabel(figure: Figure): string {
  return lang() === 'en' ? figure.labelEn : figure.labelNl;
}
