// The period fields: months, quarters and years as first and last day (leap years too), the last
// complete period relative to today, and switching between kinds.
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  dutchDate,
  isLeapYear,
  lastComplete,
  monthSpan,
  parseDate,
  quarterOf,
  quarterSpan,
  spanOf,
  switchKind,
  yearChoices,
  yearSpan,
  type PeriodChoice,
} from './period';

function check<I, O>(f: (input: I) => O, cases: [I, O][]) {
  for (const [input, expected] of cases) {
    expect(f(input), `for ${JSON.stringify(input)}`).toEqual(expected);
  }
}

describe('calendar', () => {
  it('knows the leap years, centuries included', () => {
    check(isLeapYear, [
      [2024, true],
      [2025, false],
      [2028, true],
      [1900, false],
      [2000, true],
      [2100, false],
    ]);
  });

  it('gives every month its number of days', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2025, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('puts each month in its quarter', () => {
    expect(Array.from({ length: 12 }, (_, i) => quarterOf(i + 1))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });
});

describe('spans', () => {
  it('runs a month from the first to its last day', () => {
    check(([y, m]: [number, number]) => monthSpan(y, m), [
      [[2025, 1], { from: '2025-01-01', to: '2025-01-31' }],
      [[2025, 2], { from: '2025-02-01', to: '2025-02-28' }],
      [[2024, 2], { from: '2024-02-01', to: '2024-02-29' }],
      [[2025, 4], { from: '2025-04-01', to: '2025-04-30' }],
      [[2025, 12], { from: '2025-12-01', to: '2025-12-31' }],
    ]);
  });

  it('runs the quarters over three calendar months each', () => {
    check((q: 1 | 2 | 3 | 4) => quarterSpan(2025, q), [
      [1, { from: '2025-01-01', to: '2025-03-31' }],
      [2, { from: '2025-04-01', to: '2025-06-30' }],
      [3, { from: '2025-07-01', to: '2025-09-30' }],
      [4, { from: '2025-10-01', to: '2025-12-31' }],
    ]);
  });

  it('runs a year from 1 January to 31 December', () => {
    expect(yearSpan(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('asks for the span of the kind chosen; custom dates go as typed, trimmed', () => {
    const choice: PeriodChoice = { kind: 'year', year: 2024, month: 2, quarter: 3, from: ' 1-3-2025 ', to: '15-04-2025' };
    expect(spanOf(choice)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(spanOf({ ...choice, kind: 'month' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(spanOf({ ...choice, kind: 'quarter' })).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(spanOf({ ...choice, kind: 'custom' })).toEqual({ from: '1-3-2025', to: '15-04-2025' });
  });
});

describe('the last complete period', () => {
  it('is the year, quarter and month before today', () => {
    const today = '2025-11-26';
    expect(spanOf(lastComplete('year', today))).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(spanOf(lastComplete('quarter', today))).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(spanOf(lastComplete('month', today))).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(lastComplete('custom', today)).toMatchObject({ kind: 'custom', from: '01-01-2024', to: '31-12-2024' });
  });

  it('lies in the year before in January, and a quarter is over on its last day only once it has passed', () => {
    expect(spanOf(lastComplete('month', '2026-01-01'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(spanOf(lastComplete('quarter', '2026-01-15'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(spanOf(lastComplete('year', '2026-01-01'))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(spanOf(lastComplete('quarter', '2025-03-31'))).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(spanOf(lastComplete('quarter', '2025-04-01'))).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });
});

describe('switching kinds', () => {
  const today = '2025-11-26';

  it('goes to the last complete period of the new kind', () => {
    const year = { ...lastComplete('year', today), year: 2022 };
    expect(switchKind(year, 'quarter', today)).toMatchObject({ kind: 'quarter', year: 2025, quarter: 3 });
    expect(switchKind(year, 'month', today)).toMatchObject({ kind: 'month', year: 2025, month: 10 });
    expect(switchKind(year, 'year', today)).toBe(year);
  });

  it('starts custom dates from the span chosen so far, the Dutch way', () => {
    const quarter = lastComplete('quarter', today);
    expect(switchKind(quarter, 'custom', today)).toMatchObject({ kind: 'custom', from: '01-07-2025', to: '30-09-2025' });
  });
});

describe('years and dates', () => {
  it('offers this year and the five before it, newest first', () => {
    expect(yearChoices('2025-11-26')).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
  });

  it('writes and reads dates as the forms do', () => {
    expect(dutchDate('2025-03-01')).toBe('01-03-2025');
    check(parseDate, [
      ['31-12-2025', '2025-12-31'],
      ['1-3-2025', '2025-03-01'],
      [' 2025-03-01 ', '2025-03-01'],
      ['29-02-2024', '2024-02-29'],
      ['29-02-2025', null],
      ['31-04-2025', null],
      ['13-13-2025', null],
      ['gisteren', null],
      ['', null],
    ]);
  });
});
