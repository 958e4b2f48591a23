// The week-hours charts' scale and bars.
import { describe, expect, it } from 'vitest';
import { hoursTicks, roundTicks, verticalScale, weekBarClass } from './chart';

describe('chart arithmetic', () => {
  it('steps the grid roundly, at most five steps', () => {
    expect(roundTicks(1)).toEqual([0, 1]);
    expect(roundTicks(4.5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(roundTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(roundTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(roundTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('makes room for the largest week and the agreement, and at least an hour', () => {
    expect(hoursTicks([], 0)).toEqual([0, 1]);
    expect(hoursTicks([90, 300], 120)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hoursTicks([60], 16 * 60)).toEqual([0, 5, 10, 15, 20]);
  });

  it('puts 0 on the axis and the top value at the top', () => {
    const y = verticalScale(10, 168, 14);
    expect(y(0)).toBe(168);
    expect(y(10)).toBe(14);
    expect(y(5)).toBe(91);
  });

  it('marks bars over the agreement and the running week', () => {
    expect(weekBarClass(120, 60, false)).toBe('chart-bar chart-bar-over');
    expect(weekBarClass(60, 60, true)).toBe('chart-bar chart-bar-current');
    expect(weekBarClass(600, 0, false)).toBe('chart-bar');
  });
});
