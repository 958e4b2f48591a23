// Reading the branch's years: the first whole year against the latest whole one; the first year of
// the records and the running year are not whole.
import { describe, expect, it } from 'vitest';
import { TREND } from '../../test/fakeBackend';
import { readTrend, wholeYears } from './trend';

describe('readTrend', () => {
  it('compares the first whole year with the latest whole year', () => {
    expect(wholeYears(TREND.years, 2025).map((y) => y.year)).toEqual([2022, 2023, 2024]);
    const reading = readTrend(TREND.years, 2025)!;
    expect(reading).toMatchObject({ from: 2022, to: 2024, complexFrom: 12.5, complexTo: 24.5, leftOut: true });
    expect(reading.growth).toBeCloseTo(85);
  });

  it('counts the last year as whole once it is over', () => {
    const reading = readTrend(TREND.years, 2026)!;
    expect(reading).toMatchObject({ from: 2022, to: 2025, complexFrom: 12.5, complexTo: 26 });
    expect(reading.growth).toBeCloseTo(60);
  });

  it('has nothing to say with fewer than two whole years', () => {
    expect(readTrend(TREND.years.slice(2), 2025)).toBeNull();
    expect(readTrend(TREND.years.slice(0, 1), 2025)).toBeNull();
    expect(readTrend([], 2025)).toBeNull();
  });
});
