// The fixed word lists of cases, in the order the forms offer them. Their texts live in the
// dictionaries (`domain.*`, `marker.*`, `professional.*`, `level.*`, `activityLevel.*`); only the
// ZRM domain names come from the backend (`case_vocabulary`), in Dutch as on the professional's
// form, and are shown in the window's language through `zrmDomain.*`.
import type { ActivityLevel, CaseLevel, CrisisMarker, LifeDomain, ProfessionalKind } from '../../api/bindings';
import { t, type MessageKey } from '../../i18n/i18n.svelte';

/** The seven life domains of the Humanitas rule. */
export const LIFE_DOMAINS: readonly LifeDomain[] = ['parenting', 'relationships', 'health', 'money', 'housing', 'language', 'daytime'];

/** Any one of these makes a case acute. */
export const CRISIS_MARKERS: readonly CrisisMarker[] = ['acute_debt', 'suicidal_signals', 'unsafe_home', 'cannot_cope'];

export const PROFESSIONAL_KINDS: readonly ProfessionalKind[] = ['wijkteam', 'debt_help', 'social_counsel', 'gp', 'mental_health', 'other'];

/** Lightest first. */
export const CASE_LEVELS: readonly CaseLevel[] = ['normal', 'complex', 'acute'];

/** Volunteer work first, then the grey zone, then what belongs to a professional. */
export const ACTIVITY_LEVELS: readonly ActivityLevel[] = ['volunteer', 'grey', 'professional'];

/** The thirteen ZRM domains by the Dutch name the backend gives them. */
const ZRM_DOMAINS: Record<string, MessageKey> = {
  'financiën': 'zrmDomain.finances',
  'werk & opleiding': 'zrmDomain.work',
  'tijdsbesteding': 'zrmDomain.daytime',
  'huisvesting': 'zrmDomain.housing',
  'huiselijke relaties': 'zrmDomain.domesticRelations',
  'geestelijke gezondheid': 'zrmDomain.mentalHealth',
  'lichamelijke gezondheid': 'zrmDomain.physicalHealth',
  'middelengebruik': 'zrmDomain.substanceUse',
  'basale ADL': 'zrmDomain.basicAdl',
  'instrumentele ADL': 'zrmDomain.instrumentalAdl',
  'sociaal netwerk': 'zrmDomain.socialNetwork',
  'maatschappelijke participatie': 'zrmDomain.participation',
  'justitie': 'zrmDomain.justice',
};

/** A ZRM domain's name in the window's language; a name Draagkracht does not know stays as sent. */
export function zrmDomainName(name: string): string {
  const key = ZRM_DOMAINS[name];
  return key ? t(key) : name;
}
