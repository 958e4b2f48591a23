// The name the save dialog suggests for a report: what, when, which programme and for whom, in the
// report's own language, so a folder of reports sorts by period and reads at a glance:
// `rapportage-2025-financier.pdf`, `rapportage-2025-k1-maatje-intern.xlsx`, `report-2025-03-funder.csv`.
import type { Language, ReportAudience, ReportFormat } from '../../api/bindings';
import { parseDate, type PeriodChoice } from './period';

const WORDS: Record<Language, { report: string; quarter: string; through: string; audience: Record<ReportAudience, string> }> = {
  nl: { report: 'rapportage', quarter: 'k', through: 'tot', audience: { funder: 'financier', internal: 'intern' } },
  en: { report: 'report', quarter: 'q', through: 'to', audience: { funder: 'funder', internal: 'internal' } },
};

const EXTENSIONS: Record<ReportFormat, string> = { pdf: 'pdf', xlsx: 'xlsx', csv: 'csv', csv_rfc: 'csv' };

/** The file extension of a format, without the dot: both CSV kinds are `.csv`. */
export function extensionOf(format: ReportFormat): string {
  return EXTENSIONS[format];
}

/** A name as a piece of a file name: `Vriendschappelijk huisbezoek` → `vriendschappelijk-huisbezoek`, `Één & twee` → `een-twee`. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function periodPart(choice: PeriodChoice, language: Language): string {
  const words = WORDS[language];
  switch (choice.kind) {
    case 'year':
      return String(choice.year);
    case 'quarter':
      return `${choice.year}-${words.quarter}${choice.quarter}`;
    case 'month':
      return `${choice.year}-${String(choice.month).padStart(2, '0')}`;
    case 'custom': {
      const from = parseDate(choice.from) ?? slug(choice.from);
      const to = parseDate(choice.to) ?? slug(choice.to);
      return [from, words.through, to].filter(Boolean).join('-');
    }
  }
}

export type ReportFileParts = {
  period: PeriodChoice;
  audience: ReportAudience;
  language: Language;
  /** What the report is about besides the period: a programme, a municipality or a subsidy by name; `null` for the whole branch. */
  programme: string | null;
  format: ReportFormat;
};

/** `rapportage-<period>[-<programme>]-<audience>.<extension>`. */
export function reportFileName(parts: ReportFileParts): string {
  const words = WORDS[parts.language];
  const pieces = [words.report, periodPart(parts.period, parts.language), parts.programme ? slug(parts.programme) : '', words.audience[parts.audience]];
  return `${pieces.filter(Boolean).join('-')}.${extensionOf(parts.format)}`;
}

const NATIONAL_WORDS: Record<Language, { report: string; internal: string }> = {
  nl: { report: 'landelijk-overzicht', internal: 'intern' },
  en: { report: 'national-picture', internal: 'internal' },
};

export type NationalFileParts = {
  period: PeriodChoice;
  audience: ReportAudience;
  language: Language;
  /** What the report is about besides the period: a region and/or a municipality by name; `null` for everything the login reads. */
  scope: string | null;
  format: ReportFormat;
};

/**
 * The name the save dialog suggests for the Landelijk overzicht: `landelijk-overzicht-<period>[-<scope>][-intern].<extension>`,
 * so the usual one (for a funder) is as short as `landelijk-overzicht-2025.pdf`.
 */
export function nationalFileName(parts: NationalFileParts): string {
  const words = NATIONAL_WORDS[parts.language];
  const pieces = [words.report, periodPart(parts.period, parts.language), parts.scope ? slug(parts.scope) : '', parts.audience === 'internal' ? words.internal : ''];
  return `${pieces.filter(Boolean).join('-')}.${extensionOf(parts.format)}`;
}

/** The name the save dialog suggests for a branch's publication file: `landelijke-cijfers-<branch>.json`. */
export function publicationFileName(branch: string): string {
  return `${['landelijke-cijfers', slug(branch)].filter(Boolean).join('-')}.json`;
}
