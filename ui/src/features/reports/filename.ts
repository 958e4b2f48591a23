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
