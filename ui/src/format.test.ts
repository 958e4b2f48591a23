// Dutch formatting: dates, hours from minutes, ISO week numbers, calendar steps.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  firstOfMonth,
  formatDate,
  formatDateLong,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatEuro,
  formatFileSize,
  formatHours,
  formatHoursUnit,
  formatMegabytes,
  formatMonth,
  formatMonthInput,
  formatMonthName,
  formatMoment,
  formatMomentTime,
  formatPercent,
  formatRange,
  formatTime,
  formatWeekday,
  formatWeekdayLong,
  euroForInput,
  hoursForInput,
  isoWeek,
  localDate,
  localMoment,
  momentDay,
  numberForInput,
} from './format';

function check<I, O>(f: (input: I) => O, cases: [I, O][]) {
  for (const [input, expected] of cases) {
    expect(f(input), `for ${JSON.stringify(input)}`).toBe(expected);
  }
}

describe('formatHours', () => {
  it('writes minutes as hours with a decimal comma and at most two decimals', () => {
    check((m: number) => formatHours(m), [
      [90, '1,5'],
      [20, '0,33'],
      [0, '0'],
      [60, '1'],
      [45, '0,75'],
      [10, '0,17'],
      [1, '0,02'],
      [270, '4,5'],
      [1500, '25'],
    ]);
  });

  it('groups thousands the Dutch way, and the English way in English', () => {
    expect(formatHours(240_000)).toBe('4.000');
    expect(formatHours(240_030)).toBe('4.000,5');
    expect(formatHours(240_030, 'en')).toBe('4,000.5');
    expect(formatHours(90, 'en')).toBe('1.5');
  });

  it('adds the unit: uur in Dutch, hour(s) in English', () => {
    expect(formatHoursUnit(90)).toBe('1,5 uur');
    expect(formatHoursUnit(60)).toBe('1 uur');
    expect(formatHoursUnit(60, 'en')).toBe('1 hour');
    expect(formatHoursUnit(90, 'en')).toBe('1.5 hours');
  });

  it('gives an editable value for forms, empty when nothing was agreed', () => {
    expect(hoursForInput(270)).toBe('4,5');
    expect(hoursForInput(0)).toBe('');
    expect(hoursForInput(270, 'en')).toBe('4.5');
    expect(hoursForInput(240_000)).toBe('4000');
  });
});

describe('formatDecimal', () => {
  it('writes a figure to one decimal with a decimal comma, without a trailing zero', () => {
    check((v: number) => formatDecimal(v), [
      [34.5, '34,5'],
      [32, '32'],
      [18.75, '18,8'],
      [0.04, '0'],
      [2.96, '3'],
      [1250, '1.250'],
      [-2.5, '-2,5'],
    ]);
    expect(formatDecimal(34.5, 'en')).toBe('34.5');
    expect(formatDecimal(1250.25, 'en')).toBe('1,250.3');
  });
});

describe('formatEuro', () => {
  it('writes cents as Dutch euros: a space after the sign, a decimal comma, thousands with a point', () => {
    check((c: number) => formatEuro(c), [
      [560, '€ 5,60'],
      [330, '€ 3,30'],
      [21_000, '€ 210,00'],
      [210_000, '€ 2.100,00'],
      [10_550, '€ 105,50'],
      [5, '€ 0,05'],
      [0, '€ 0,00'],
      [123_456_789, '€ 1.234.567,89'],
      [-1_250, '-€ 12,50'],
    ]);
  });

  it('uses a decimal point and comma groups in English, the sign against the figure', () => {
    expect(formatEuro(560, 'en')).toBe('€5.60');
    expect(formatEuro(210_000, 'en')).toBe('€2,100.00');
    expect(formatEuro(37_251_970, 'en')).toBe('€372,519.70');
    expect(formatEuro(-1_250, 'en')).toBe('-€12.50');
  });

  it('gives an editable amount the backend reads: no grouping, a comma in Dutch and a point in English', () => {
    check((c: number) => euroForInput(c), [
      [560, '5,60'],
      [210_000, '2100,00'],
      [7, '0,07'],
      [0, '0,00'],
    ]);
    check((c: number) => euroForInput(c, 'en'), [
      [560, '5.60'],
      [210_000, '2100.00'],
      [7, '0.07'],
    ]);
  });
});

describe('numberForInput', () => {
  it('writes a setting exactly, with a decimal comma in Dutch and a point in English', () => {
    check((v: number) => numberForInput(v), [
      [1.5, '1,5'],
      [2, '2'],
      [25, '25'],
      [0.125, '0,125'],
      [365, '365'],
    ]);
    expect(numberForInput(1.5, 'en')).toBe('1.5');
  });

  it('writes a month the way it is typed', () => {
    expect(formatMonthInput('2025-11-26')).toBe('11-2025');
    expect(formatMonthInput('2026-03-01')).toBe('03-2026');
  });
});

describe('dates', () => {
  it('writes dates as day-month-year with dashes', () => {
    expect(formatDate('2025-12-31')).toBe('31-12-2025');
    expect(formatDate('2025-01-05')).toBe('05-01-2025');
  });

  it('writes a local date and time as day-month-year and hours:minutes', () => {
    expect(formatDateTime('2026-11-28T16:15:00')).toBe('28-11-2026 16:15');
    expect(formatDateTime('2026-01-05T09:05:59')).toBe('05-01-2026 09:05');
    expect(formatTime('2026-11-28T16:15:00')).toBe('16:15');
  });

  it("gives today's date on this computer's calendar as ISO", () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDate(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31');
  });

  it("writes a moment from the backend (RFC 3339, UTC) in this computer's local date and time", () => {
    // The moment of 28 November 2026, 16:15 here, whatever this computer's time zone is.
    const quarterPast = new Date(2026, 10, 28, 16, 15).toISOString();
    expect(formatMoment(quarterPast)).toBe('28-11-2026 16:15');
    expect(formatMomentTime(quarterPast)).toBe('16:15');
    expect(localMoment(quarterPast)).toBe('2026-11-28T16:15:00');
    expect(momentDay(new Date(2026, 10, 28, 23, 59, 30).toISOString())).toBe('2026-11-28');
    // The same moment written with an offset or in UTC reads the same.
    expect(formatMoment('2026-11-28T16:15:00+01:00')).toBe(formatMoment('2026-11-28T15:15:00Z'));
    // A text that is no moment is shown as it came.
    expect(formatMoment('onbekend')).toBe('onbekend');
    expect(formatMomentTime('')).toBe('');
  });

  it('names weekdays short for grid headers and long for labels', () => {
    expect(formatWeekday('2025-11-24', 'nl')).toBe('ma 24-11');
    expect(formatWeekday('2025-11-30', 'nl')).toBe('zo 30-11');
    expect(formatWeekday('2025-11-24', 'en')).toBe('Mon 24-11');
    expect(formatWeekdayLong('2025-11-26', 'nl')).toBe('woensdag 26-11-2025');
  });

  it('names months in lower case in Dutch', () => {
    expect(formatMonth('2025-11-01', 'nl')).toBe('november 2025');
    expect(formatMonth('2025-03-15', 'en')).toBe('March 2025');
  });

  it('writes a week as a range, with the year once when it does not change', () => {
    expect(formatRange('2025-11-24', '2025-11-30', 't/m')).toBe('24-11 t/m 30-11-2025');
    expect(formatRange('2025-12-29', '2026-01-04', 't/m')).toBe('29-12-2025 t/m 04-01-2026');
  });
});

describe('calendar', () => {
  it('numbers weeks as ISO 8601: Monday first, week 1 holds 4 January', () => {
    check(isoWeek, [
      ['2025-11-24', 48],
      ['2025-11-30', 48],
      ['2025-12-01', 49],
      ['2024-12-30', 1], // Monday of the week holding 2 January 2025
      ['2025-01-01', 1],
      ['2021-01-03', 53], // Sunday, still in 2020's last week
      ['2021-01-04', 1],
      ['2026-12-31', 53], // 2026 starts on a Thursday: 53 weeks
      ['2027-01-01', 53],
      ['2027-01-04', 1],
    ]);
  });

  it('steps days across month and year ends', () => {
    expect(addDays('2025-11-30', 1)).toBe('2025-12-01');
    expect(addDays('2025-12-29', 7)).toBe('2026-01-05');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('steps months from the first of the month', () => {
    expect(firstOfMonth('2025-11-26')).toBe('2025-11-01');
    expect(firstOfMonth('2025-11-26', -1)).toBe('2025-10-01');
    expect(firstOfMonth('2025-01-31', -1)).toBe('2024-12-01');
    expect(firstOfMonth('2025-12-15', 1)).toBe('2026-01-01');
  });
});

describe('formatPercent', () => {
  it('writes a percentage with one decimal, a decimal comma and a space before the sign', () => {
    check((v: number) => formatPercent(v), [
      [24.5, '24,5\u00a0%'],
      [12, '12,0\u00a0%'],
      [18.75, '18,8\u00a0%'],
      [0, '0,0\u00a0%'],
      [1234.5, '1.234,5\u00a0%'],
      [-3.25, '-3,3\u00a0%'],
    ]);
    expect(formatPercent(24.5, 'en')).toBe('24.5%');
    expect(formatPercent(1234.5, 'en')).toBe('1,234.5%');
  });
});

describe('formatCount', () => {
  it('writes a whole number with a point between the thousands; English with a comma', () => {
    check((v: number) => formatCount(v), [
      [0, '0'],
      [12, '12'],
      [999, '999'],
      [1250, '1.250'],
      [1_234_567, '1.234.567'],
      [-1250, '-1.250'],
    ]);
    expect(formatCount(1250, 'en')).toBe('1,250');
  });
});

describe('formatMegabytes', () => {
  it('writes a size in MB with one decimal, a decimal comma, and never 0,0', () => {
    expect(formatMegabytes(1_258_291)).toBe('1,2 MB');
    expect(formatMegabytes(5 * 1024 * 1024)).toBe('5,0 MB');
    expect(formatMegabytes(2_000)).toBe('0,1 MB');
    expect(formatMegabytes(1_500 * 1024 * 1024)).toBe('1.500,0 MB');
    expect(formatMegabytes(1_258_291, 'en')).toBe('1.2 MB');
    expect(formatMegabytes(1_500 * 1024 * 1024, 'en')).toBe('1,500.0 MB');
  });
});

describe('formatFileSize', () => {
  it('writes bytes, whole kilobytes or megabytes, whichever reads best', () => {
    check((bytes: number) => formatFileSize(bytes), [
      [0, '0 bytes'],
      [1, '1 byte'],
      [512, '512 bytes'],
      [1024, '1 kB'],
      [131_072, '128 kB'],
      [1_048_000, '1023 kB'],
      [1_048_576, '1,0 MB'],
      [1_258_291, '1,2 MB'],
    ]);
    expect(formatFileSize(1_258_291, 'en')).toBe('1.2 MB');
  });
});

describe('formatMonthName', () => {
  it('names a month by its number in either language', () => {
    expect(formatMonthName(1, 'nl')).toBe('januari');
    expect(formatMonthName(12, 'nl')).toBe('december');
    expect(formatMonthName(3, 'en')).toBe('March');
  });
});

describe('formatDateLong', () => {
  it('writes a date for a sentence, without a leading zero, in either language', () => {
    expect(formatDateLong('2026-12-01', 'nl')).toBe('1 december 2026');
    expect(formatDateLong('2025-03-24', 'nl')).toBe('24 maart 2025');
    expect(formatDateLong('2026-12-01', 'en')).toBe('1 December 2026');
  });
});
