// The suggested file name: period, programme and audience in the report's language, the
// extension of the format.
import { describe, expect, it } from 'vitest';
import { nationalFileName, publicationFileName, reportFileName, slug, type ReportFileParts } from './filename';
import { lastComplete } from './period';

const TODAY = '2025-11-26';
const base: ReportFileParts = { period: lastComplete('year', TODAY), audience: 'funder', language: 'nl', programme: null, format: 'pdf' };

describe('report file name', () => {
  it('names the year and the audience, with the extension of the format', () => {
    expect(reportFileName(base)).toBe('rapportage-2024-financier.pdf');
    expect(reportFileName({ ...base, audience: 'internal', format: 'xlsx' })).toBe('rapportage-2024-intern.xlsx');
    expect(reportFileName({ ...base, format: 'csv' })).toBe('rapportage-2024-financier.csv');
    expect(reportFileName({ ...base, format: 'csv_rfc' })).toBe('rapportage-2024-financier.csv');
  });

  it('names a quarter, a month and custom dates so they sort by period', () => {
    expect(reportFileName({ ...base, period: lastComplete('quarter', TODAY) })).toBe('rapportage-2025-k3-financier.pdf');
    expect(reportFileName({ ...base, period: lastComplete('month', TODAY) })).toBe('rapportage-2025-10-financier.pdf');
    const custom = { ...lastComplete('custom', TODAY), from: '1-3-2025', to: '2025-04-15' };
    expect(reportFileName({ ...base, period: custom })).toBe('rapportage-2025-03-01-tot-2025-04-15-financier.pdf');
  });

  it('adds the programme, and writes in English for an English report', () => {
    expect(reportFileName({ ...base, programme: 'Vriendschappelijk huisbezoek' })).toBe('rapportage-2024-vriendschappelijk-huisbezoek-financier.pdf');
    expect(reportFileName({ ...base, language: 'en', period: lastComplete('quarter', TODAY), audience: 'internal' })).toBe('report-2025-q3-internal.pdf');
  });

  it('makes a slug without accents or odd characters', () => {
    expect(slug('Één & twee / drie')).toBe('een-twee-drie');
    expect(slug('  Maatje  ')).toBe('maatje');
  });
});

describe('national file names', () => {
  it('names the national picture after the period, the region or municipality and an internal audience', () => {
    const national = { period: lastComplete('year', TODAY), audience: 'funder', language: 'nl', scope: null, format: 'pdf' } as const;
    expect(nationalFileName(national)).toBe('landelijk-overzicht-2024.pdf');
    expect(nationalFileName({ ...national, scope: 'Oost Zwolle', audience: 'internal', format: 'xlsx' })).toBe('landelijk-overzicht-2024-oost-zwolle-intern.xlsx');
    expect(nationalFileName({ ...national, language: 'en', period: lastComplete('quarter', TODAY), audience: 'internal', format: 'csv_rfc' })).toBe('national-picture-2025-q3-internal.csv');
  });

  it('names a publication file after the branch', () => {
    expect(publicationFileName('Vrijwilligerscentrum De Brug')).toBe('landelijke-cijfers-vrijwilligerscentrum-de-brug.json');
    expect(publicationFileName('  ')).toBe('landelijke-cijfers.json');
  });
});
