// The current language, as Svelte 5 state: `t()` and the formatting helpers below read it, so
// every text in the window follows a switch at once. `applyLanguage` also sets <html lang>.
import type { ApiError, Language } from '../api/bindings';
import {
  formatCount,
  formatDateLong,
  formatDecimal,
  euroForInput,
  formatEuro,
  formatFileSize,
  formatHours,
  formatHoursUnit,
  formatMegabytes,
  formatMonth,
  formatMonthName,
  formatPercent,
  formatWeekday,
  formatWeekdayLong,
  numberForInput,
} from '../format';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey };

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

let current = $state<Language>('nl');

/** The language the window shows now. */
export function lang(): Language {
  return current;
}

/** Switches every text in the window, and the document's `lang`, to `language`. */
export function applyLanguage(language: Language): void {
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The text for `key` in the current language, with `{placeholders}` filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[current][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message of a refusal or failure in the current language. */
export function errorText(error: ApiError): string {
  return current === 'en' ? error.messageEn : error.message;
}

/** Minutes as hours (`1,5`) in the current language. */
export function hours(minutes: number): string {
  return formatHours(minutes, current);
}

/** A whole number, thousands grouped: `1.250` (English `1,250`). */
export function count(value: number): string {
  return formatCount(value, current);
}

/** A figure (a signal's value or threshold) to one decimal: `34,5`. */
export function decimal(value: number): string {
  return formatDecimal(value, current);
}

/** A percentage with one decimal: `24,5 %` (English `24.5%`). */
export function percent(value: number): string {
  return formatPercent(value, current);
}

/** Cents as euros: `€ 5,60` (English `€5.60`). */
export function euro(cents: number): string {
  return formatEuro(cents, current);
}

/** Cents as an editable amount: `5,60` (English `5.60`). */
export function euroInput(cents: number): string {
  return euroForInput(cents, current);
}

/** A setting's number as an editable text: `1,5` (English `1.5`). */
export function numberInput(value: number): string {
  return numberForInput(value, current);
}

/** Minutes as hours with the unit (`1,5 uur`). */
export function hoursUnit(minutes: number): string {
  return formatHoursUnit(minutes, current);
}

/** `ma 24-11`. */
export function weekday(iso: string): string {
  return formatWeekday(iso, current);
}

/** `maandag 24-11-2025`. */
export function weekdayLong(iso: string): string {
  return formatWeekdayLong(iso, current);
}

/** Names as one phrase: `Anna, Bram en Carla` (English: `Anna, Bram, and Carla`). */
export function names(list: readonly string[]): string {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(list);
}

/** `1 december 2026` (English `1 December 2026`), for a date in a sentence. */
export function dateLong(iso: string): string {
  return formatDateLong(iso, current);
}

/** `november 2025`. */
export function month(iso: string): string {
  return formatMonth(iso, current);
}

/** A month's name from its number: 3 → `maart` (English `March`). */
export function monthName(monthNumber: number): string {
  return formatMonthName(monthNumber, current);
}

/** A file size as people read it: `128 kB`, `1,2 MB` (English `1.2 MB`). */
export function fileSize(bytes: number): string {
  return formatFileSize(bytes, current);
}

/** A file size: `1,2 MB` (English `1.2 MB`). */
export function megabytes(bytes: number): string {
  return formatMegabytes(bytes, current);
}
