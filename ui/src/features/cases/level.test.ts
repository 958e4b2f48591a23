// The window's copy of the complexity rule: the same table as the Rust tests of `case_level`, with
// the boundaries that matter — 2 against 3 domains, solvable or not, each crisis marker, ZRM 1 or 2.
import { describe, expect, it } from 'vitest';
import type { CaseLevel, CrisisMarker, LifeDomain } from '../../api/bindings';
import { caseLevel, levelReason, type LevelInput, type LevelReason } from './level';
import { CRISIS_MARKERS } from './vocabulary';

/** A ZRM with every domain scored 4 except the given ones. */
function zrm(low: Record<number, number> = {}): number[] {
  return Array.from({ length: 13 }, (_, i) => low[i] ?? 4);
}

function check(input: Partial<LevelInput>, expected: CaseLevel, reason: LevelReason) {
  const full: LevelInput = { domains: [], solvableWithinYear: false, markers: [], zrmScores: null, ...input };
  expect(caseLevel(full), JSON.stringify(full)).toBe(expected);
  expect(levelReason(full), JSON.stringify(full)).toBe(reason);
}

const TWO: LifeDomain[] = ['money', 'housing'];
const THREE: LifeDomain[] = ['money', 'housing', 'health'];

describe('case level', () => {
  it('is normal without anything ticked', () => {
    check({}, 'normal', 'none');
  });

  it('is complex from 3 different domains that cannot be solved within a year', () => {
    check({ domains: TWO }, 'normal', 'none');
    check({ domains: THREE }, 'complex', 'domains');
    check({ domains: ['parenting', 'relationships', 'health', 'money', 'housing', 'language', 'daytime'] }, 'complex', 'domains');
  });

  it('is not complex when the problems can be solved within a year', () => {
    check({ domains: THREE, solvableWithinYear: true }, 'normal', 'none');
    check({ domains: TWO, solvableWithinYear: true }, 'normal', 'none');
  });

  it('counts a domain once', () => {
    check({ domains: ['money', 'money', 'money'] }, 'normal', 'none');
    check({ domains: ['money', 'money', 'housing', 'health'] }, 'complex', 'domains');
  });

  it('is acute with each crisis marker on its own, whatever the domains say', () => {
    for (const marker of CRISIS_MARKERS) {
      check({ markers: [marker] }, 'acute', 'marker');
      check({ markers: [marker], domains: THREE, solvableWithinYear: true }, 'acute', 'marker');
    }
    const all: CrisisMarker[] = [...CRISIS_MARKERS];
    check({ markers: all, domains: THREE }, 'acute', 'marker');
  });

  it('is acute with a ZRM domain scored 1, not with 2', () => {
    check({ zrmScores: zrm() }, 'normal', 'none');
    check({ zrmScores: zrm({ 0: 2, 12: 2 }) }, 'normal', 'none');
    check({ zrmScores: zrm({ 12: 1 }) }, 'acute', 'zrm');
    check({ zrmScores: zrm({ 0: 1 }), domains: TWO }, 'acute', 'zrm');
    check({ zrmScores: zrm({ 5: 2 }), domains: THREE }, 'complex', 'domains');
  });
});
