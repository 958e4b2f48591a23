// The period a report covers, as the period fields hold it: a month, a quarter or a year of the
// calendar, or two dates the coordinator types. Pure functions: "today" is passed in, and the
// first and last day come out as ISO dates (`2025-01-01`, `2025-03-31`) the backend reads. A
// quarter is three calendar months: Q1 is 1 January to 31 March, Q2 April to June, and so on.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type Quarter = 1 | 2 | 3 | 4;

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * What the period fields hold. `year`, `month` (1–12) and `quarter` count for their kinds;
 * `from` and `to` are the custom dates as typed (`1-1-2025` or `2025-01-01`).
 */
export type PeriodChoice = { kind: PeriodKind; year: number; month: number; quarter: Quarter; from: string; to: string };

/** The first and last day of a period, both included. */
export type DateSpan = { from: string; to: string };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Gregorian leap years: every fourth year, except whole centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28 to 31: February has 29 days in a leap year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `monthSpan(2024, 2)` → 1 to 29 February 2024. */
export function monthSpan(year: number, month: number): DateSpan {
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

/** `quarterSpan(2025, 1)` → 1 January to 31 March 2025. */
export function quarterSpan(year: number, quarter: Quarter): DateSpan {
  const first = (quarter - 1) * 3 + 1;
  return { from: monthSpan(year, first).from, to: monthSpan(year, first + 2).to };
}

/** 1 January to 31 December. */
export function yearSpan(year: number): DateSpan {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/** The quarter a month (1–12) lies in. */
export function quarterOf(month: number): Quarter {
  return (Math.floor((month - 1) / 3) + 1) as Quarter;
}

/** The span the report asks for: computed for a month, quarter or year; custom dates as typed. */
export function spanOf(choice: PeriodChoice): DateSpan {
  switch (choice.kind) {
    case 'month':
      return monthSpan(choice.year, choice.month);
    case 'quarter':
      return quarterSpan(choice.year, choice.quarter);
    case 'year':
      return yearSpan(choice.year);
    case 'custom':
      return { from: choice.from.trim(), to: choice.to.trim() };
  }
}

function yearAndMonth(today: string): [number, number] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return [y, m];
}

/**
 * The last period of this kind that is over on `today`: the month before, the quarter before,
 * the year before. Reports account for finished periods; a running one is one choice away.
 * Custom starts from the last whole year, written the Dutch way for the coordinator to change.
 */
export function lastComplete(kind: PeriodKind, today: string): PeriodChoice {
  const [year, month] = yearAndMonth(today);
  const previousMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const thisQuarter = quarterOf(month);
  const previousQuarter = thisQuarter === 1 ? { year: year - 1, quarter: 4 as Quarter } : { year, quarter: (thisQuarter - 1) as Quarter };
  const base = { year: year - 1, month: previousMonth.month, quarter: previousQuarter.quarter, from: '', to: '' };
  switch (kind) {
    case 'month':
      return { ...base, kind, year: previousMonth.year };
    case 'quarter':
      return { ...base, kind, year: previousQuarter.year };
    case 'year':
      return { ...base, kind };
    case 'custom': {
      const span = yearSpan(year - 1);
      return { ...base, kind, from: dutchDate(span.from), to: dutchDate(span.to) };
    }
  }
}

/**
 * Another kind of period: its last complete one, except that custom starts from the span chosen
 * so far (so "the first quarter, but to 15 April" is a small change).
 */
export function switchKind(choice: PeriodChoice, kind: PeriodKind, today: string): PeriodChoice {
  if (kind === choice.kind) return choice;
  if (kind !== 'custom') return lastComplete(kind, today);
  const span = spanOf(choice);
  return { ...choice, kind, from: dutchDate(span.from), to: dutchDate(span.to) };
}

/** The years offered: this year and the `count - 1` before it, newest first. */
export function yearChoices(today: string, count = 6): number[] {
  const [year] = yearAndMonth(today);
  return Array.from({ length: count }, (_, i) => year - i);
}

/** `2025-12-31` → `31-12-2025`, the way dates are typed in every form. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/**
 * A date as the forms accept it, `31-12-2025`, `1-1-2025` or `2025-12-31`, as ISO; `null` when
 * it is no date (31 February included). The backend reads the dates itself; this only names files.
 */
export function parseDate(text: string): string | null {
  const typed = text.trim();
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}
