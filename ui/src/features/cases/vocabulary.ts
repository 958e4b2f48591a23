// The fixed word lists of cases, in the order the forms offer them. Their texts live in the
// dictionaries (`domain.*`, `marker.*`, `professional.*`, `level.*`, `activityLevel.*`); only the
// ZRM domain names come from the backend (`case_vocabulary`).
import type { ActivityLevel, CaseLevel, CrisisMarker, LifeDomain, ProfessionalKind } from '../../api/bindings';

/** The seven life domains of the Humanitas rule. */
export const LIFE_DOMAINS: readonly LifeDomain[] = ['parenting', 'relationships', 'health', 'money', 'housing', 'language', 'daytime'];

/** Any one of these makes a case acute. */
export const CRISIS_MARKERS: readonly CrisisMarker[] = ['acute_debt', 'suicidal_signals', 'unsafe_home', 'cannot_cope'];

export const PROFESSIONAL_KINDS: readonly ProfessionalKind[] = ['wijkteam', 'debt_help', 'social_counsel', 'gp', 'mental_health', 'other'];

/** Lightest first. */
export const CASE_LEVELS: readonly CaseLevel[] = ['normal', 'complex', 'acute'];

/** Volunteer work first, then the grey zone, then what belongs to a professional. */
export const ACTIVITY_LEVELS: readonly ActivityLevel[] = ['volunteer', 'grey', 'professional'];
