// Dutch conventions for what the coordinator reads: dates as 31-12-2025, hours from minutes with a
// decimal comma, ISO week numbers (week 1 holds 4 January; Monday first). English mode keeps the
// same date format and uses a decimal point. Pure functions on ISO date strings; calendar sums are
// done in UTC so that the machine's time zone cannot shift a day.
import type { Language } from './api/bindings';

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch at UTC midnight of an ISO `YYYY-MM-DD` date. */
function utc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date on this computer's calendar as ISO, `2025-11-26`: for a screen that has no database to ask. */
export function localDate(at: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** `2025-11-24` plus `n` days. */
export function addDays(iso: string, n: number): string {
  return isoOf(utc(iso) + n * DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(iso: string): number {
  return (new Date(utc(iso)).getUTCDay() + 6) % 7;
}

/** ISO week number: weeks start on Monday, week 1 holds 4 January. */
export function isoWeek(iso: string): number {
  const thursday = new Date(utc(iso) + (3 - weekdayIndex(iso)) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
}

/** The first day of the month holding `iso`, moved `months` months on (negative: back). */
export function firstOfMonth(iso: string, months = 0): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return isoOf(Date.UTC(y, m - 1 + months, 1));
}

/** `2025-12-31` → `31-12-2025` (both languages). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** A local date and time, `2026-11-28T16:15:00` → `28-11-2026 16:15` (both languages). */
export function formatDateTime(local: string): string {
  return `${formatDate(local.slice(0, 10))} ${formatTime(local)}`;
}

/** The time of a local date and time: `2026-11-28T16:15:00` → `16:15`. */
export function formatTime(local: string): string {
  return local.slice(11, 16);
}

/**
 * A moment as the backend sends it (RFC 3339, in UTC: `2025-11-26T13:05:00Z`) as the local date
 * and time on this computer, `2025-11-26T14:05:00` in the Netherlands in winter. A text that is no
 * moment comes back as it is.
 */
export function localMoment(moment: string): string {
  const at = new Date(moment);
  if (!/^\d{4}-\d\d-\d\dT/.test(moment) || Number.isNaN(at.getTime())) return moment;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** A moment (RFC 3339) in local date and time: `2025-11-26T13:05:00Z` → `26-11-2025 14:05` in Dutch winter time. */
export function formatMoment(moment: string): string {
  const local = localMoment(moment);
  return local === moment ? moment : formatDateTime(local);
}

/** The local time of a moment (RFC 3339): `2025-11-26T13:05:00Z` → `14:05` in Dutch winter time. */
export function formatMomentTime(moment: string): string {
  const local = localMoment(moment);
  return local === moment ? moment : formatTime(local);
}

/** The local day of a moment (RFC 3339), as an ISO date: `2025-11-26T23:30:00Z` → `2025-11-27` in the Netherlands. */
export function momentDay(moment: string): string {
  return localMoment(moment).slice(0, 10);
}

/** `2025-11-24` → `24-11`. */
export function formatDayMonth(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${d}-${m}`;
}

const WEEKDAYS_SHORT: Record<Language, string[]> = {
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const WEEKDAYS_LONG: Record<Language, string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTHS: Record<Language, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2025-11-24` → `ma 24-11` (English: `Mon 24-11`), for grid column headers. */
export function formatWeekday(iso: string, lang: Language): string {
  return `${WEEKDAYS_SHORT[lang][weekdayIndex(iso)]} ${formatDayMonth(iso)}`;
}

/** `2025-11-24` → `maandag 24-11-2025`, for labels read aloud. */
export function formatWeekdayLong(iso: string, lang: Language): string {
  return `${WEEKDAYS_LONG[lang][weekdayIndex(iso)]} ${formatDate(iso)}`;
}

/** A month's name from its number (1–12): 3 → `maart`, English `March`. */
export function formatMonthName(month: number, lang: Language): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/** `2026-12-01` → `1 december 2026` (English `1 December 2026`), for a date in a sentence. */
export function formatDateLong(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

/** `2025-11-24` → `november 2025`. */
export function formatMonth(iso: string, lang: Language): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${MONTHS[lang][m - 1]} ${y}`;
}

/**
 * Minutes as hours, rounded to two decimals without trailing zeros: 90 → `1,5`, 20 → `0,33`,
 * 0 → `0`; thousands grouped (240000 → `4.000`). English uses a point: `1.5`, `4,000`.
 */
export function formatHours(minutes: number, lang: Language = 'nl'): string {
  const negative = minutes < 0;
  const hundredths = Math.round((Math.abs(minutes) * 100) / 60);
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = negative && hundredths > 0 ? '-' : '';
  return sign + grouped + (fraction ? decimal + fraction : '');
}

/**
 * A figure such as a signal's value or threshold, to one decimal without a trailing zero: 34.5 →
 * `34,5`, 32 → `32`, 18.75 → `18,8`, 1250 → `1.250`. English uses a point: `34.5`, `1,250`.
 */
export function formatDecimal(value: number, lang: Language = 'nl'): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && tenths > 0 ? '-' : '';
  return sign + grouped + (fraction ? decimal + fraction : '');
}

/** Minutes with the unit: `1,5 uur`; English `1.5 hours`, `1 hour`. */
export function formatHoursUnit(minutes: number, lang: Language = 'nl'): string {
  const hours = formatHours(minutes, lang);
  if (lang === 'nl') return `${hours} uur`;
  return hours === '1' ? '1 hour' : `${hours} hours`;
}

/** Minutes as an editable number of hours for a form field: 270 → `4,5`; 0 → empty. */
export function hoursForInput(minutes: number, lang: Language = 'nl'): string {
  return minutes === 0 ? '' : formatHours(minutes, lang).replace(lang === 'nl' ? /\./g : /,/g, '');
}

/** `2025-11-24` and `2025-11-30` → `24-11 t/m 30-11-2025`-style ranges, joined by `through`. */
export function formatRange(first: string, last: string, through: string): string {
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${sameYear ? formatDayMonth(first) : formatDate(first)} ${through} ${formatDate(last)}`;
}

function grouped(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole number, thousands grouped: 1250 → `1.250`; English `1,250`. */
export function formatCount(value: number, lang: Language = 'nl'): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? '-' : ''}${grouped(Math.abs(rounded), lang === 'nl' ? '.' : ',')}`;
}

/**
 * Cents as euros, always with two decimals: 560 → `€ 5,60`, 210000 → `€ 2.100,00`. English uses a
 * decimal point and comma groups, the sign against the figure: `€5.60`, `€2,100.00`.
 */
export function formatEuro(cents: number, lang: Language = 'nl'): string {
  const rounded = Math.round(cents);
  const whole = Math.floor(Math.abs(rounded) / 100);
  const fraction = String(Math.abs(rounded) % 100).padStart(2, '0');
  const [group, decimal, sign] = lang === 'nl' ? ['.', ',', '€ '] : [',', '.', '€'];
  return `${rounded < 0 ? '-' : ''}${sign}${grouped(whole, group)}${decimal}${fraction}`;
}

/**
 * Cents as an editable amount for a form field, without thousands separator or sign, the way the
 * backend reads amounts: 560 → `5,60`, 210000 → `2100,00`; English `5.60`, `2100.00` (a point
 * followed by two digits is a decimal point to the backend).
 */
export function euroForInput(cents: number, lang: Language = 'nl'): string {
  const rounded = Math.abs(Math.round(cents));
  return `${Math.floor(rounded / 100)}${lang === 'nl' ? ',' : '.'}${String(rounded % 100).padStart(2, '0')}`;
}

/**
 * A setting's number as an editable text, exact to four decimals and without grouping: 1.5 →
 * `1,5`, 25 → `25`, 0.125 → `0,125`. English uses a point: `1.5`.
 */
export function numberForInput(value: number, lang: Language = 'nl'): string {
  const text = String(Math.round(value * 10_000) / 10_000);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

/** `2025-11-26` → `11-2025`, the way a month is typed in forms. */
export function formatMonthInput(iso: string): string {
  const [y, m] = iso.split('-');
  return `${m}-${y}`;
}

/**
 * A percentage, always with one decimal: 24.5 → `24,5 %`, 12 → `12,0 %`, thousands grouped. Dutch
 * puts a (non-breaking) space before the sign; English writes `24.5%`.
 */
export function formatPercent(value: number, lang: Language = 'nl'): string {
  const tenths = Math.round(Math.abs(value) * 10);
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const sign = value < 0 && tenths > 0 ? '-' : '';
  const number = `${sign}${grouped(Math.floor(tenths / 10), group)}${decimal}${tenths % 10}`;
  return lang === 'nl' ? `${number}\u00a0%` : `${number}%`;
}

/**
 * A file size in megabytes (of 1024 × 1024 bytes) with one decimal: 1258291 → `1,2 MB`, English
 * `1.2 MB`. A file smaller than that reads `0,1 MB`, never `0,0 MB`.
 */
export function formatMegabytes(bytes: number, lang: Language = 'nl'): string {
  const tenths = Math.max(1, Math.round((bytes * 10) / (1024 * 1024)));
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  return `${grouped(Math.floor(tenths / 10), group)}${decimal}${tenths % 10} MB`;
}

/**
 * A file size the way people read it: bytes under 1 kB (`512 bytes`), whole kilobytes under 1 MB
 * (`128 kB`, never `0 kB`), megabytes above (`1,2 MB`, as `formatMegabytes`). A kB is 1024 bytes.
 */
export function formatFileSize(bytes: number, lang: Language = 'nl'): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${grouped(Math.max(0, Math.round(bytes)), lang === 'nl' ? '.' : ',')} bytes`;
  const kilobytes = Math.max(1, Math.round(bytes / 1024));
  if (kilobytes < 1024) return `${kilobytes} kB`;
  return formatMegabytes(bytes, lang);
}
