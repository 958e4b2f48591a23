// Reading the branch's years: which years are whole, and how the first whole year compares with
// the latest. The first year of the records seldom starts on 1 January and the running year is not
// over, so neither counts as whole; comparing them would make growth look larger or smaller than it is.
import type { BranchYear } from '../../api/bindings';

/** What the one-line reading under the trend says, as numbers; the component puts it in words. */
export type TrendReading = {
  from: number;
  to: number;
  /** Growth of the hours in percent (negative: fewer hours). */
  growth: number;
  complexFrom: number;
  complexTo: number;
  /** True when the first or the running year was left out. */
  leftOut: boolean;
};

/** The years that are whole: not the first of the records (when there are more), not `thisYear`. */
export function wholeYears(years: readonly BranchYear[], thisYear: number): BranchYear[] {
  return years.filter((y, i) => !(i === 0 && years.length > 1) && y.year < thisYear && Number(y.minutes) > 0);
}

/** The first whole year against the latest whole one; null when there are fewer than two. */
export function readTrend(years: readonly BranchYear[], thisYear: number): TrendReading | null {
  const whole = wholeYears(years, thisYear);
  const first = whole[0];
  const last = whole.at(-1);
  if (!first || !last || first === last) return null;
  const before = Number(first.minutes);
  return {
    from: first.year,
    to: last.year,
    growth: ((Number(last.minutes) - before) / before) * 100,
    complexFrom: first.complexPercent,
    complexTo: last.complexPercent,
    leftOut: whole.length < years.length,
  };
}
