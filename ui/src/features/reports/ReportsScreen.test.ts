// Rapportages (#/reports): the last whole year for a funder by default, a preview that follows
// every choice, its tables as real tables with "<5" where the backend suppressed a count, saving
// through the save dialog with progress and the size of the file, refusals at their fields, and
// the report settings.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import type { ReportSaved } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { DOCUMENTS, fakeBackend, REPORT_SETTINGS, refusal, TODAY, type FakeBackend } from '../../test/fakeBackend';
import ReportsScreen from './ReportsScreen.svelte';

/** What the screen asks for first: the whole of 2024 (today is 26-11-2025), anonymous, in Dutch. */
const LAST_YEAR = { from: '2024-01-01', to: '2024-12-31', programmeId: null, municipalityId: null, subsidyId: null, audience: 'funder', language: 'nl' } as const;

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  render(ReportsScreen, { today: TODAY });
  await screen.findAllByTestId('report-table');
  return backend;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not on the screen`);
  return found as T;
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '');
}

/** A promise settled from outside, to hold the export while the test looks at it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => applyLanguage('nl'));

describe('reports screen', () => {
  it('is reached from the menu, after Uren invoeren', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await userEvent.click(screen.getByTestId('nav-reports'));

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rapportages'));
    expect(location.hash).toBe('#/reports');
    expect(screen.getByTestId('nav-reports').textContent).toBe('Rapportages');
    expect(screen.getByTestId('nav-reports').getAttribute('aria-current')).toBe('page');
    const order = Array.from(screen.getByRole('navigation').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(order.slice(4, 7)).toEqual(['nav-hours', 'nav-reports', 'nav-sharing']);
    await screen.findAllByTestId('report-table');
  });

  it('starts with the last whole year, for a funder, the whole branch, in Dutch, as PDF', async () => {
    const backend = await open();

    expect(backend.previewReport).toHaveBeenCalledTimes(1);
    expect(backend.previewReport).toHaveBeenCalledWith(LAST_YEAR);
    expect(element<HTMLSelectElement>('report-period-kind').value).toBe('year');
    expect(element<HTMLSelectElement>('report-year').value).toBe('2024');
    expect(Array.from(element<HTMLSelectElement>('report-year').options).map((o) => o.value)).toEqual(['2025', '2024', '2023', '2022', '2021', '2020']);
    expect(screen.getByTestId('report-span').textContent).toBe('Van 01-01-2024 tot en met 31-12-2024.');
    expect(element<HTMLInputElement>('report-audience-funder').checked).toBe(true);
    expect(element<HTMLInputElement>('report-audience-internal').checked).toBe(false);
    expect(element<HTMLInputElement>('report-language-nl').checked).toBe(true);
    expect(element<HTMLSelectElement>('report-format').value).toBe('pdf');
    expect(Array.from(element<HTMLSelectElement>('report-format').options).map((o) => o.textContent?.trim())).toEqual([
      'PDF',
      'Excel (.xlsx)',
      'CSV voor Nederlandse Excel',
      'CSV (standaard, RFC 4180)',
    ]);
    expect(Array.from(element<HTMLSelectElement>('report-scope').options).map((o) => o.textContent?.trim())).toEqual([
      'Hele afdeling',
      'Thuisadministratie',
      'Maatje',
      'Oud project',
    ]);
    // Each audience says in one sentence or two what it means.
    expect(screen.getByLabelText('Voor een financier (anoniem)')).toBe(element('report-audience-funder'));
    expect(element('report-audience-funder').getAttribute('aria-describedby')).toBe('report-audience-funder-help');
    expect(element('report-audience-funder-help').textContent).toContain('"<5"');
    expect(element('report-audience-internal-help').textContent).toContain('namen');
  });

  it('shows the cover, the key figures as tiles and the notes of the preview', async () => {
    await open();
    const preview = element('report-preview');

    expect(within(preview).getByTestId('report-title').textContent).toBe('Verantwoording vrijwilligerswerk');
    expect(within(preview).getByTestId('report-branch').textContent).toBe(REPORT_SETTINGS.branchName);
    expect(within(preview).getByTestId('report-scope-shown').textContent).toBe('Hele afdeling');
    expect(within(preview).getByTestId('report-period').textContent).toBe('1-1-2024 t/m 31-12-2024');
    const figures = within(preview).getAllByTestId('report-figure').map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent]);
    expect(figures).toEqual([
      ['Actieve vrijwilligers', '16'],
      ['Uren vrijwilligerswerk', '1.288'],
      ['Acute casussen', '<5'],
      ['Waarde van de uren', '€ 18.102,25'],
    ]);
    expect(within(preview).getByTestId('report-notes').textContent).toContain('Aantallen van 1 tot en met 4 staan als <5');
  });

  it('shows the tables with a caption, column headers, numbers to the right, "<5" and a bold total row', async () => {
    await open();

    const tables = screen.getAllByTestId('report-table');
    expect(tables.map((table) => table.querySelector('caption')?.textContent)).toEqual(['Uren per project', 'Koppelingen naar zwaarte van de casus']);
    const hours = tables[0]!;
    const headers = Array.from(hours.querySelectorAll('thead th'));
    expect(headers.map((th) => [th.textContent, th.getAttribute('scope'), th.classList.contains('numeric')])).toEqual([
      ['Project', 'col', false],
      ['Uren', 'col', true],
      ['Vrijwilligers', 'col', true],
    ]);
    const rows = Array.from(hours.querySelectorAll('tbody tr'));
    expect(rows.map(cells)).toEqual([
      ['Thuisadministratie', '804', '12'],
      ['Maatje', '483', '<5'],
    ]);
    expect(rows[1]!.querySelector('th')?.getAttribute('scope')).toBe('row');
    expect(Array.from(rows[1]!.querySelectorAll('td')).every((td) => td.classList.contains('numeric'))).toBe(true);
    const total = within(hours).getByTestId('report-total');
    expect(total.closest('tfoot')).not.toBeNull();
    expect(cells(total)).toEqual(['Totaal', '1.288', '16']);
    expect(screen.getByRole('table', { name: 'Koppelingen naar zwaarte van de casus' }).textContent).toContain('<5');
    // A funder sees no names.
    expect(screen.queryByRole('table', { name: 'Uren per vrijwilliger' })).toBeNull();
  });

  it('asks for a new preview with names when the report is for internal use', async () => {
    const backend = await open();

    await userEvent.click(element('report-audience-internal'));

    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, audience: 'internal' }));
    const names = await screen.findByRole('table', { name: 'Uren per vrijwilliger' });
    expect(Array.from(names.querySelectorAll('tbody tr')).map(cells)).toEqual([
      ['Anna de Vries', '120,5'],
      ['Bram Jansen', '36'],
    ]);
    expect(screen.getByTestId('report-title').textContent).toBe('Intern overzicht vrijwilligerswerk');
    expect(screen.getByRole('table', { name: 'Uren per project' }).textContent).toContain('804,25');
    expect(backend.previewReport).toHaveBeenCalledTimes(2);
  });

  it('follows the period, the programme and the language', async () => {
    const backend = await open();

    await userEvent.selectOptions(element('report-period-kind'), 'quarter');
    // The last quarter that is over.
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2025-07-01', to: '2025-09-30' }));
    expect(element<HTMLSelectElement>('report-year').value).toBe('2025');
    expect(element<HTMLSelectElement>('report-quarter').value).toBe('3');
    await userEvent.selectOptions(element('report-quarter'), '1');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2025-01-01', to: '2025-03-31' }));

    await userEvent.selectOptions(element('report-period-kind'), 'month');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2025-10-01', to: '2025-10-31' }));
    await userEvent.selectOptions(element('report-year'), '2024');
    await userEvent.selectOptions(element('report-month'), 'februari');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2024-02-01', to: '2024-02-29' }));

    await userEvent.selectOptions(element('report-scope'), 'Maatje');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2024-02-01', to: '2024-02-29', programmeId: 'p-buddy' }));
    await waitFor(() => expect(screen.getByTestId('report-scope-shown').textContent).toBe('Maatje'));
    expect(Array.from(screen.getByRole('table', { name: 'Uren per project' }).querySelectorAll('tbody tr')).map(cells)).toEqual([['Maatje', '483', '<5']]);

    await userEvent.click(element('report-language-en'));
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2024-02-01', to: '2024-02-29', programmeId: 'p-buddy', language: 'en' }));
    expect(await screen.findByRole('table', { name: 'Hours per programme' })).toBeTruthy();
    // The screen stays Dutch; only the report is in English.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rapportages');
  });

  it('asks one preview for quick changes in a row', async () => {
    const backend = await open();

    await userEvent.click(element('report-audience-internal'));
    await userEvent.click(element('report-language-en'));
    await userEvent.click(element('report-audience-funder'));

    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, language: 'en' }));
    await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Volunteer work report'));
    expect(backend.previewReport.mock.calls.length).toBeLessThan(4);
  });

  it('takes typed dates once the field is left, and shows a refusal of "to" at that field', async () => {
    const backend = await open();

    await userEvent.selectOptions(element('report-period-kind'), 'custom');
    const from = element<HTMLInputElement>('report-from');
    const to = element<HTMLInputElement>('report-to');
    // Custom starts from the period chosen so far.
    expect(from.value).toBe('01-01-2024');
    expect(to.value).toBe('31-12-2024');
    expect(screen.getByLabelText('Van')).toBe(from);
    expect(screen.getByLabelText('Tot en met')).toBe(to);

    await userEvent.clear(from);
    await userEvent.type(from, '1-3-2025');
    await userEvent.clear(to);
    await userEvent.type(to, '1-2-2025{Enter}');

    const error = await screen.findByTestId('report-error-to');
    expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '1-3-2025', to: '1-2-2025' });
    // No preview was asked for half-typed dates.
    expect(backend.previewReport.mock.calls.every(([input]) => ['2024-01-01', '01-01-2024', '1-3-2025'].includes(input.from))).toBe(true);
    expect(error.textContent).toContain('De einddatum ligt vóór de begindatum. Kies een latere einddatum.');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-describedby')).toContain(error.id);
    expect(from.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('report-table')).toBeNull();
    expect(screen.getByTestId('report-preview-none').textContent).toBe('Er is nog geen voorbeeld. Kies eerst een periode die klopt.');

    await userEvent.clear(to);
    await userEvent.type(to, '31-3-2025');
    await userEvent.tab();

    await screen.findAllByTestId('report-table');
    expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '1-3-2025', to: '31-3-2025' });
    expect(screen.queryByTestId('report-error-to')).toBeNull();
    expect(to.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('report-period').textContent).toBe('1-3-2025 t/m 31-3-2025');
  });

  it('shows a refusal of a chosen month under the period, and clears it when the month is right', async () => {
    const backend = await open();

    await userEvent.selectOptions(element('report-period-kind'), 'month');
    await userEvent.selectOptions(element('report-month'), 'december');

    const error = await screen.findByTestId('report-period-error');
    expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '2025-12-01', to: '2025-12-31' });
    expect(error.textContent).toContain('De periode begint in de toekomst. Kies een eerdere begindatum.');
    expect(element('report-period-kind').closest('fieldset')?.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.queryByTestId('report-table')).toBeNull();

    await userEvent.selectOptions(element('report-month'), 'november');
    await screen.findAllByTestId('report-table');
    expect(screen.queryByTestId('report-period-error')).toBeNull();
  });
});

describe('who the report is about', () => {
  it('offers the whole branch, a municipality\'s residents or a subsidy, and sends the municipality chosen', async () => {
    const backend = await open();
    const subject = element<HTMLSelectElement>('report-for');
    expect(screen.getByLabelText('Over wie gaat de rapportage?')).toBe(subject);
    expect(Array.from(subject.options).map((o) => o.textContent?.trim())).toEqual(['Iedereen in de afdeling', 'Inwoners van een gemeente', 'Wat een subsidie betaalt']);
    expect(subject.value).toBe('branch');
    expect(screen.queryByTestId('report-municipality')).toBeNull();

    await userEvent.selectOptions(subject, 'municipality');
    const municipality = element<HTMLSelectElement>('report-municipality');
    expect(screen.getByLabelText('Gemeente')).toBe(municipality);
    expect(Array.from(municipality.options).map((o) => o.textContent?.trim())).toEqual(['Inwoners van De Bilt', 'Inwoners van Zeist']);
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, municipalityId: 'g-bilt' }));

    await userEvent.selectOptions(municipality, 'Inwoners van Zeist');
    await userEvent.selectOptions(element('report-scope'), 'Maatje');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, municipalityId: 'g-zeist', programmeId: 'p-buddy' }));
    await waitFor(() => expect(screen.getByTestId('report-scope-shown').textContent).toBe('Maatje, inwoners van Zeist'));

    await userEvent.click(element('report-save'));
    await screen.findByTestId('report-saved');
    expect(backend.chooseReportFile).toHaveBeenCalledWith('rapportage-2024-zeist-maatje-financier.pdf', 'pdf');
    expect(backend.exportReport).toHaveBeenCalledWith({ ...LAST_YEAR, municipalityId: 'g-zeist', programmeId: 'p-buddy' }, 'pdf', expect.any(String));

    // Back to everyone: no municipality goes along.
    await userEvent.selectOptions(subject, 'branch');
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, programmeId: 'p-buddy' }));
  });

  it('a subsidy fills in its period, stands for the programme and municipality, and says what it covers', async () => {
    const backend = await open();
    await userEvent.selectOptions(element('report-for'), 'subsidy');

    const subsidy = element<HTMLSelectElement>('report-subsidy');
    expect(Array.from(subsidy.options).map((o) => o.textContent?.trim())).toEqual(['Wmo 2025 (Gemeente Zeist)', 'Maatjes 2024 (Oranje Fonds)']);
    expect(subsidy.value).toBe('sub-wmo');
    // The period becomes the subsidy's, as dates that can still be changed.
    expect(element<HTMLSelectElement>('report-period-kind').value).toBe('custom');
    expect(element<HTMLInputElement>('report-from').value).toBe('01-01-2025');
    expect(element<HTMLInputElement>('report-to').value).toBe('31-12-2025');
    await waitFor(() =>
      expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '01-01-2025', to: '31-12-2025', subsidyId: 'sub-wmo' }),
    );
    const hint = screen.getByTestId('report-subsidy-hint');
    expect(hint.textContent).toBe(
      'Van Gemeente Zeist, voor Thuisadministratie en Maatje, van 01-01-2025 t/m 31-12-2025. De periode is ingevuld; je kunt hem nog aanpassen. Alleen inwoners van Zeist tellen mee.',
    );
    expect(subsidy.getAttribute('aria-describedby')).toBe(hint.id);
    // The programme choice is the subsidy's now.
    const programme = element<HTMLSelectElement>('report-scope');
    expect(programme.disabled).toBe(true);
    expect(Array.from(programme.options).map((o) => o.textContent?.trim())).toEqual(['De projecten van de subsidie']);
    expect(programme.getAttribute('aria-describedby')).toContain(hint.id);
    await waitFor(() => expect(screen.getByTestId('report-scope-shown').textContent).toBe('Wmo 2025'));

    await userEvent.selectOptions(subsidy, 'Maatjes 2024 (Oranje Fonds)');
    expect(element<HTMLInputElement>('report-from').value).toBe('01-03-2024');
    expect(element<HTMLInputElement>('report-to').value).toBe('28-02-2025');
    await waitFor(() =>
      expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '01-03-2024', to: '28-02-2025', subsidyId: 'sub-fund' }),
    );
    expect(screen.getByTestId('report-subsidy-hint').textContent).not.toContain('inwoners');

    await userEvent.click(element('report-save'));
    await screen.findByTestId('report-saved');
    expect(backend.chooseReportFile).toHaveBeenCalledWith('rapportage-2024-03-01-tot-2025-02-28-maatjes-2024-financier.pdf', 'pdf');
    expect(backend.exportReport).toHaveBeenCalledWith({ ...LAST_YEAR, from: '01-03-2024', to: '28-02-2025', subsidyId: 'sub-fund' }, 'pdf', expect.any(String));

    // Everyone again: the programme can be chosen again, the dates stay.
    await userEvent.selectOptions(element('report-for'), 'branch');
    expect(element<HTMLSelectElement>('report-scope').disabled).toBe(false);
    await waitFor(() => expect(backend.previewReport).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '01-03-2024', to: '28-02-2025' }));
  });

  it('points to Beheer when the branch has no municipalities or subsidies yet', async () => {
    await open({ municipalities: async () => [], subsidies: async () => [] });
    const subject = element<HTMLSelectElement>('report-for');
    await waitFor(() => expect(screen.getByTestId('report-for-none').textContent).toBe('Rapporteren per gemeente of subsidie? Voeg ze toe onder Beheer → Gemeenten en subsidies.'));
    expect(Array.from(subject.options).map((o) => o.value)).toEqual(['branch']);
  });
});

describe('saving a report', () => {
  it('saves to the path chosen in the dialog and says where, and how big the file is', async () => {
    const backend = await open();

    await userEvent.click(element('report-save'));

    const saved = await screen.findByTestId('report-saved');
    const path = `${DOCUMENTS}/rapportage-2024-financier.pdf`;
    expect(backend.chooseReportFile).toHaveBeenCalledWith('rapportage-2024-financier.pdf', 'pdf');
    expect(backend.exportReport).toHaveBeenCalledWith(LAST_YEAR, 'pdf', path);
    expect(saved.textContent?.trim()).toBe(`De rapportage is opgeslagen: ${path} (128 kB).`);
    expect(element('report-status').getAttribute('aria-live')).toBe('polite');
    expect(element('report-status').contains(saved)).toBe(true);
  });

  it('names the file after the period, the programme and the audience, with the extension of the format', async () => {
    const backend = await open();
    await userEvent.selectOptions(element('report-period-kind'), 'quarter');
    await userEvent.selectOptions(element('report-scope'), 'Thuisadministratie');
    await userEvent.click(element('report-audience-internal'));
    await userEvent.selectOptions(element('report-format'), 'xlsx');

    await userEvent.click(element('report-save'));

    await screen.findByTestId('report-saved');
    const input = { ...LAST_YEAR, from: '2025-07-01', to: '2025-09-30', programmeId: 'p-admin', audience: 'internal' };
    expect(backend.chooseReportFile).toHaveBeenCalledWith('rapportage-2025-k3-thuisadministratie-intern.xlsx', 'xlsx');
    expect(backend.exportReport).toHaveBeenCalledWith(input, 'xlsx', `${DOCUMENTS}/rapportage-2025-k3-thuisadministratie-intern.xlsx`);

    await userEvent.selectOptions(element('report-format'), 'csv_rfc');
    await userEvent.click(element('report-language-en'));
    await userEvent.click(element('report-save'));
    await waitFor(() => expect(backend.exportReport).toHaveBeenCalledTimes(2));
    expect(backend.chooseReportFile).toHaveBeenLastCalledWith('report-2025-q3-thuisadministratie-internal.csv', 'csv_rfc');
    expect(backend.exportReport).toHaveBeenLastCalledWith({ ...input, language: 'en' }, 'csv_rfc', expect.stringMatching(/\.csv$/));
  });

  it('shows progress while the file is made, with the button disabled', async () => {
    const held = deferred<ReportSaved>();
    await open({ exportReport: () => held.promise });

    await userEvent.click(element('report-save'));

    const progress = await screen.findByTestId('report-progress');
    const bar = progress.querySelector('progress')!;
    expect(bar.hasAttribute('value')).toBe(false);
    expect(screen.getByLabelText('Rapportage wordt gemaakt…')).toBe(bar);
    expect(element<HTMLButtonElement>('report-save').disabled).toBe(true);
    expect(element('report-status').contains(progress)).toBe(true);

    held.resolve({ path: '/tmp/r.pdf', bytes: 1_258_291 });
    expect((await screen.findByTestId('report-saved')).textContent).toContain('/tmp/r.pdf (1,2 MB)');
    expect(screen.queryByTestId('report-progress')).toBeNull();
    expect(element<HTMLButtonElement>('report-save').disabled).toBe(false);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const backend = await open({ chooseReportFile: async () => null });

    await userEvent.click(element('report-save'));

    await waitFor(() => expect(backend.chooseReportFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(element<HTMLButtonElement>('report-save').disabled).toBe(false));
    expect(backend.exportReport).not.toHaveBeenCalled();
    expect(element('report-status').textContent?.trim()).toBe('');
  });

  it('says why when the file cannot be written', async () => {
    const message = 'Draagkracht kan dit bestand niet schrijven. Kies een andere map.';
    await open({
      exportReport: async () => {
        throw refusal({ code: 'storage', message, messageEn: 'Draagkracht cannot write this file.' });
      },
    });

    await userEvent.click(element('report-save'));

    expect((await screen.findByTestId('report-save-failure')).textContent).toBe(message);
    expect(element('report-status').contains(screen.getByTestId('report-save-failure'))).toBe(true);
    expect(screen.queryByTestId('report-saved')).toBeNull();
  });
});

describe('report settings', () => {
  it('saves the name and the hour rate as typed, and the preview follows', async () => {
    const backend = await open();
    const details = element<HTMLDetailsElement>('report-settings');
    expect(details.open).toBe(false);
    await userEvent.click(screen.getByTestId('report-settings-toggle'));

    const name = screen.getByLabelText('Naam van de afdeling') as HTMLInputElement;
    const rate = screen.getByLabelText('Waarde van een uur vrijwilligerswerk') as HTMLInputElement;
    const source = screen.getByLabelText('Waar komt dit bedrag vandaan?') as HTMLInputElement;
    expect(name.value).toBe(REPORT_SETTINGS.branchName);
    expect(rate.value).toBe('14,06');
    expect(source.value).toBe(REPORT_SETTINGS.hourRateSource);

    await userEvent.clear(name);
    await userEvent.type(name, 'Steunpunt Oost');
    await userEvent.clear(rate);
    await userEvent.type(rate, '15,5');
    await userEvent.click(screen.getByTestId('report-settings-save'));

    expect((await screen.findByTestId('report-settings-saved')).textContent).toContain('De instellingen zijn opgeslagen.');
    expect(backend.setReportSettings).toHaveBeenCalledWith({ branchName: 'Steunpunt Oost', hourRate: '15,5', hourRateSource: REPORT_SETTINGS.hourRateSource });
    expect(rate.value).toBe('15,50');
    await waitFor(() => expect(screen.getByTestId('report-branch').textContent).toBe('Steunpunt Oost'));
    expect(backend.previewReport).toHaveBeenCalledTimes(2);
  });

  it('shows a refused hour rate next to that field, which gets the focus', async () => {
    const backend = await open();
    await userEvent.click(screen.getByTestId('report-settings-toggle'));
    const rate = element<HTMLInputElement>('report-hour-rate');
    await userEvent.clear(rate);
    await userEvent.type(rate, 'veel{Enter}');

    const error = await screen.findByTestId('report-settings-error-hourRate');
    expect(backend.setReportSettings).toHaveBeenCalledWith(expect.objectContaining({ hourRate: 'veel' }));
    expect(error.textContent).toContain("'veel' is geen bedrag per uur. Schrijf bijvoorbeeld 14,06.");
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(rate.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(rate));
    expect(screen.queryByTestId('report-settings-saved')).toBeNull();

    const name = element<HTMLInputElement>('report-branch-name');
    await userEvent.clear(name);
    await userEvent.clear(rate);
    await userEvent.type(rate, '14,06{Enter}');
    expect((await screen.findByTestId('report-settings-error-branchName')).textContent).toContain('Vul de naam van de afdeling in.');
    expect(screen.queryByTestId('report-settings-error-hourRate')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(name));
  });
});

describe('in English', () => {
  it('shows the screen in English, and by default an English report with English numbers', async () => {
    applyLanguage('en');
    const backend = await open();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reports');
    expect(screen.getByLabelText('For a funder (anonymous)')).toBe(element('report-audience-funder'));
    expect(element<HTMLInputElement>('report-language-en').checked).toBe(true);
    expect(backend.previewReport).toHaveBeenCalledWith({ ...LAST_YEAR, language: 'en' });
    expect(screen.getByTestId('report-span').textContent).toBe('From 01-01-2024 to 31-12-2024, both included.');
    expect(screen.getByTestId('report-sheet').getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('report-title').textContent).toBe('Volunteer work report');
    expect(screen.getAllByTestId('report-figure').map((figure) => figure.querySelector('dd')?.textContent)).toEqual(['16', '1,288', '<5', '€18,102.25']);
  });

  it('offers who the report is about in English, a subsidy with its funder, programmes and period', async () => {
    applyLanguage('en');
    await open();

    expect(screen.getByLabelText('Who is the report about?')).toBe(element('report-for'));
    await userEvent.selectOptions(element('report-for'), 'subsidy');
    expect(screen.getByLabelText('Subsidy')).toBe(element('report-subsidy'));
    expect(screen.getByTestId('report-subsidy-hint').textContent).toBe(
      'From Gemeente Zeist, for Thuisadministratie and Maatje, from 01-01-2025 to 31-12-2025. The period has been filled in; you can still change it. Only residents of Zeist are counted.',
    );
    await userEvent.selectOptions(element('report-for'), 'municipality');
    expect(Array.from(element<HTMLSelectElement>('report-municipality').options).map((o) => o.textContent?.trim())).toEqual(['Residents of De Bilt', 'Residents of Zeist']);
  });

  it('marks a Dutch report chosen in an English window as Dutch', async () => {
    applyLanguage('en');
    await open();

    await userEvent.click(element('report-language-nl'));
    await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Verantwoording vrijwilligerswerk'));
    expect(screen.getByTestId('report-sheet').getAttribute('lang')).toBe('nl');
    expect(screen.getByRole('heading', { level: 2, name: 'Preview' })).toBeTruthy();
  });
});
