// The level a complexity assessment gives a case, computed in the window so that the form can say
// it before saving. It mirrors the Rust rule (core/src/complexity.rs, `case_level`); the backend
// stays the one that decides, and its answer is what the match page shows after saving.
import type { CaseLevel, CrisisMarker, LifeDomain } from '../../api/bindings';

/** What the assessment form holds; `zrmScores` is null without a professional's ZRM. */
export type LevelInput = {
  domains: readonly LifeDomain[];
  solvableWithinYear: boolean;
  markers: readonly CrisisMarker[];
  zrmScores: readonly number[] | null;
};

/** Life domains with problems that make a case complex, when they cannot be solved within a year. */
export const COMPLEX_DOMAINS = 3;

/** Why a case has its level: a crisis marker, a ZRM domain at 1, many domains, or none of these. */
export type LevelReason = 'marker' | 'zrm' | 'domains' | 'none';

/**
 * Acute with any crisis marker or a ZRM domain scored 1; complex with problems on 3 or more
 * different life domains that cannot be solved within a year; otherwise normal.
 */
export function levelReason(input: LevelInput): LevelReason {
  if (input.markers.length > 0) return 'marker';
  if (input.zrmScores?.includes(1)) return 'zrm';
  if (new Set(input.domains).size >= COMPLEX_DOMAINS && !input.solvableWithinYear) return 'domains';
  return 'none';
}

/** The level of a case with this assessment: `caseLevel({domains: [], …})` is `normal`. */
export function caseLevel(input: LevelInput): CaseLevel {
  switch (levelReason(input)) {
    case 'marker':
    case 'zrm':
      return 'acute';
    case 'domains':
      return 'complex';
    case 'none':
      return 'normal';
  }
}
