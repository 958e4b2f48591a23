// Gegevens (#/data): a spreadsheet read from a pasted path or the file dialog, its sheet and kind,
// the mapping prefilled from Draagkracht's guesses and limited to the kind's fields, the dry run
// with every problem (import disabled until there are none), the import with its progress, and
// everything to or from another laptop.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import type { ImportOutcome, ImportProgress } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import {
  DOCUMENTS,
  dryRunFor,
  fakeBackend,
  HOURS_SHEET,
  INTERCHANGE_FILE,
  PROBLEMS,
  refusal,
  SPREADSHEET,
  STATUS,
  VOLUNTEER_SHEET,
  type FakeBackend,
} from '../../test/fakeBackend';
import { clickNav } from '../../test/nav';

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  navigate({ name: 'data' });
  render(App);
  await screen.findByTestId('import-path');
  return backend;
}

/** Opens the screen and reads the workbook from the pasted path. */
async function read(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = await open(overrides);
  await userEvent.type(screen.getByTestId('import-path'), SPREADSHEET);
  await userEvent.click(screen.getByTestId('import-read'));
  await screen.findAllByTestId('mapping-row');
  return backend;
}

function select(testid: string, scope: HTMLElement | Document = document): HTMLSelectElement {
  return scope.querySelector(`[data-testid="${testid}"]`) as HTMLSelectElement;
}

function fields(): HTMLSelectElement[] {
  return screen.getAllByTestId('mapping-field') as HTMLSelectElement[];
}

function options(element: HTMLSelectElement): string[] {
  return Array.from(element.options).map((o) => o.textContent?.trim() ?? '');
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

function runButton(): HTMLButtonElement {
  return screen.getByTestId('import-run') as HTMLButtonElement;
}

/** A promise settled from outside, to hold the import while the test looks at it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('data screen', () => {
  it('is reached from the menu, under Beheer after Privacy', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await clickNav('nav-data');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gegevens'));
    expect(location.hash).toBe('#/data');
    expect(screen.getByTestId('nav-data').getAttribute('aria-current')).toBe('page');
    const order = Array.from(screen.getByTestId('nav-manage-list').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(order.slice(4, 6)).toEqual(['nav-privacy', 'nav-data']);
    expect(screen.getByRole('heading', { level: 2, name: 'Een spreadsheet inlezen' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Alles naar een andere laptop' })).toBeTruthy();
  });

  it('reads the file from a pasted path and fills in the mapping from the guesses', async () => {
    const backend = await open();
    const path = screen.getByLabelText('Of plak het pad naar het bestand') as HTMLInputElement;
    expect(path).toBe(screen.getByTestId('import-path'));
    expect(screen.queryByTestId('mapping')).toBeNull();

    await userEvent.type(path, `${SPREADSHEET}{Enter}`);

    const rows = await screen.findAllByTestId('mapping-row');
    expect(backend.readSheet).toHaveBeenCalledWith(SPREADSHEET, null);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('2. Wat staat erin'));
    expect(screen.getByTestId('import-file').textContent).toBe(SPREADSHEET);
    expect(screen.getByTestId('import-header-row').textContent?.trim()).toBe('rij 2 (de regels erboven worden overgeslagen)');
    expect(screen.getByTestId('import-rows').textContent).toBe('12 rijen');
    expect(select('import-sheet').value).toBe('Vrijwilligers');
    expect(options(select('import-sheet'))).toEqual(['Vrijwilligers', 'Uren']);
    expect(select('import-kind').value).toBe('volunteers');
    expect(options(select('import-kind'))).toEqual(['Vrijwilligers', 'Deelnemers', 'Koppelingen', 'Uren', 'Sociale kaart (organisaties)']);

    // The file's columns on the left, with their letter and at most three values.
    expect(rows).toHaveLength(8);
    expect(cells(rows[0]!)[0]).toBe('Naam kolom A');
    expect(within(rows[0]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Anna de Vries', 'Bram Jansen', 'Carla Bakker']);
    expect(within(rows[2]!).getAllByRole('listitem')).toHaveLength(2);
    expect(cells(rows[7]!).slice(0, 2)).toEqual(['Kolom H (zonder kopje)', 'leeg']);
    // Each choice starts at the guess; only the volunteer fields are offered.
    expect(fields().map((f) => f.value)).toEqual(VOLUNTEER_SHEET.columns.map((c) => c.guess));
    expect(options(fields()[0]!)).toEqual([
      'Niet inlezen',
      'Naam vrijwilliger',
      'E-mailadres',
      'Telefoonnummer',
      'Status',
      'Startdatum',
      'Afgesproken uren per week',
      'Project',
    ]);
    expect(screen.getByLabelText('Kolom Naam komt in Draagkracht als')).toBe(fields()[0]);
    expect(screen.getByLabelText('Kolom H (zonder kopje) komt in Draagkracht als')).toBe(fields()[7]);
    expect(screen.queryByTestId('dry-run')).toBeNull();
  });

  it('reads the file chosen in the dialog; a cancelled dialog reads nothing', async () => {
    let answer: string | null = null;
    const backend = await open({ chooseOpenFile: async () => answer });

    await userEvent.click(screen.getByTestId('import-choose'));
    await waitFor(() => expect(backend.chooseOpenFile).toHaveBeenCalledTimes(1));
    expect(backend.chooseOpenFile).toHaveBeenCalledWith([{ name: 'Spreadsheets', extensions: ['xlsx', 'xls', 'ods', 'csv'] }]);
    expect(backend.readSheet).not.toHaveBeenCalled();
    expect(screen.queryByTestId('mapping')).toBeNull();

    answer = SPREADSHEET;
    await userEvent.click(screen.getByTestId('import-choose'));

    await screen.findAllByTestId('mapping-row');
    expect(backend.readSheet).toHaveBeenCalledWith(SPREADSHEET, null);
    expect((screen.getByTestId('import-path') as HTMLInputElement).value).toBe(SPREADSHEET);
  });

  it('refuses a file it cannot read at the path field, which gets the focus', async () => {
    await open();
    const path = screen.getByTestId('import-path') as HTMLInputElement;
    await userEvent.type(path, '/home/marieke/brief.docx{Enter}');

    const error = await screen.findByTestId('import-error-path');
    expect(error.textContent).toContain('Dit is geen spreadsheet die Draagkracht kan lezen.');
    expect(path.getAttribute('aria-invalid')).toBe('true');
    expect(path.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(path));
    expect(screen.queryByTestId('mapping')).toBeNull();

    await userEvent.clear(path);
    await userEvent.type(path, `${SPREADSHEET}{Enter}`);
    await screen.findAllByTestId('mapping-row');
    expect(screen.queryByTestId('import-error-path')).toBeNull();
    expect(path.getAttribute('aria-invalid')).toBeNull();
  });

  it('reads another sheet when one is chosen, with that sheet’s guesses', async () => {
    const backend = await read();

    await userEvent.selectOptions(select('import-sheet'), 'Uren');

    await waitFor(() => expect(screen.getAllByTestId('mapping-row')).toHaveLength(5));
    expect(backend.readSheet).toHaveBeenLastCalledWith(SPREADSHEET, 'Uren');
    expect(select('import-sheet').value).toBe('Uren');
    expect(select('import-kind').value).toBe('hour_entries');
    expect(screen.getByTestId('import-rows').textContent).toBe('1.250 rijen');
    expect(screen.getByTestId('import-header-row').textContent?.trim()).toBe('rij 1');
    expect(fields().map((f) => f.value)).toEqual(HOURS_SHEET.columns.map((c) => c.guess));
    expect(options(fields()[0]!)).toEqual(['Niet inlezen', 'Naam vrijwilliger', 'Datum', 'Aantal uren', 'Project', 'Soort uren', 'Notitie']);

    // Numbers in the Dutch way.
    await userEvent.click(screen.getByTestId('import-dry-run'));
    expect((await screen.findByTestId('dry-run-summary')).textContent).toBe(
      '1.250 rijen gelezen, 1.248 worden toegevoegd, 1 staat er al in, 1 overgeslagen (lege regels en totalen).',
    );
    expect(backend.dryRunImport).toHaveBeenCalledWith(expect.objectContaining({ sheet: 'Uren', kind: 'hour_entries' }));
  });

  it('offers only the fields of the chosen kind, and brings the guesses back when the kind does', async () => {
    await read();

    await userEvent.selectOptions(select('import-kind'), 'participants');
    expect(options(fields()[0]!)).toEqual(['Niet inlezen', 'Deelnemer (code of voornaam)', 'Contactgegevens', 'Datum van toestemming', 'Gemeente']);
    // None of the volunteer guesses fits a participant.
    expect(fields().every((f) => f.value === 'ignore')).toBe(true);

    await userEvent.selectOptions(select('import-kind'), 'matches');
    expect(options(fields()[0]!)).toEqual([
      'Niet inlezen',
      'Deelnemer (code of voornaam)',
      'Naam vrijwilliger',
      'Project',
      'Startdatum',
      'Verwachte einddatum',
    ]);
    expect(fields().map((f) => f.value)).toEqual(['volunteer_name', 'ignore', 'ignore', 'programme', 'start_date', 'ignore', 'ignore', 'ignore']);

    // A choice that does not fit another kind waits for its own kind to come back.
    await userEvent.selectOptions(select('import-kind'), 'hour_entries');
    await userEvent.selectOptions(fields()[6]!, 'note');
    await userEvent.selectOptions(select('import-kind'), 'volunteers');
    expect(fields().map((f) => f.value)).toEqual(VOLUNTEER_SHEET.columns.map((c) => c.guess));
    await userEvent.selectOptions(select('import-kind'), 'hour_entries');
    expect(fields()[6]!.value).toBe('note');
  });

  it('shows every problem of the dry run and keeps the import disabled: nothing is half imported', async () => {
    const backend = await read({ dryRunImport: async (input) => dryRunFor(input, PROBLEMS) });

    await userEvent.click(screen.getByTestId('import-dry-run'));

    const result = await screen.findByTestId('dry-run');
    expect(backend.dryRunImport).toHaveBeenCalledWith({
      path: SPREADSHEET,
      sheet: 'Vrijwilligers',
      kind: 'volunteers',
      columns: VOLUNTEER_SHEET.columns.map((c) => ({ index: c.index, field: c.guess })),
    });
    await waitFor(() => expect(document.activeElement).toBe(within(result).getByRole('heading', { name: 'Uitkomst van de controle' })));
    expect(screen.getByTestId('dry-run-summary').textContent).toBe(
      '12 rijen gelezen, 10 worden toegevoegd, 1 staat er al in, 1 overgeslagen (lege regels en totalen).',
    );
    expect(screen.getByTestId('dry-run-problems').textContent?.trim()).toBe('Er zijn 3 problemen gevonden:');
    expect(screen.getAllByTestId('problem-row').map(cells)).toEqual([
      ['6', 'Begonnen', "'31-02-2024' is geen datum. Schrijf bijvoorbeeld 15-03-2024."],
      ['6', 'Uren per week', "'veel' is geen aantal uren. Schrijf bijvoorbeeld 2,5."],
      ['11', 'Project', "Het project 'Taalmaatje' bestaat niet in Draagkracht. Maak het eerst aan bij Projecten."],
    ]);
    expect(runButton().disabled).toBe(true);
    const blocked = screen.getByTestId('import-blocked');
    expect(blocked.textContent).toContain('Pas eerst het bestand aan');
    expect(blocked.textContent).toContain('er wordt niets half ingelezen');
    expect(runButton().getAttribute('aria-describedby')).toBe(blocked.id);

    await userEvent.click(runButton());
    expect(backend.runImport).not.toHaveBeenCalled();
  });

  it('names the fields no column is linked to; a change to the mapping asks for a new check', async () => {
    const backend = await read();
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('dry-run');
    expect(runButton().disabled).toBe(false);

    await userEvent.selectOptions(fields()[0]!, 'ignore');
    // The check no longer says what would happen.
    expect(screen.queryByTestId('dry-run')).toBeNull();
    expect(screen.queryByTestId('import-run')).toBeNull();

    await userEvent.click(screen.getByTestId('import-dry-run'));
    expect((await screen.findByTestId('dry-run-missing')).textContent).toBe(
      'Deze gegevens zijn nodig, maar nog aan geen kolom gekoppeld: Naam vrijwilliger. Kies hierboven bij welke kolom ze horen.',
    );
    expect(backend.dryRunImport).toHaveBeenLastCalledWith(expect.objectContaining({ columns: expect.arrayContaining([{ index: 0, field: 'ignore' }]) }));
    expect(screen.queryAllByTestId('problem-row')).toHaveLength(0);
    expect(runButton().disabled).toBe(true);
    expect(screen.getByTestId('import-blocked')).toBeTruthy();
  });

  it('imports after a clean dry run, with a progress bar, and says what it added', async () => {
    const held = deferred<ImportOutcome>();
    let report: ((progress: ImportProgress) => void) | null = null;
    const backend = await read({
      runImport: async (_input, onProgress) => {
        report = onProgress;
        onProgress({ done: 4, total: 10 });
        return held.promise;
      },
    });
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('dry-run');
    expect(screen.queryByTestId('problem-row')).toBeNull();
    expect(screen.getByTestId('import-ready').textContent?.trim()).toBe('Alles klopt. Kies Inlezen om 10 rijen toe te voegen.');
    expect(runButton().disabled).toBe(false);

    await userEvent.click(runButton());

    const progress = (await screen.findByTestId('import-progress')) as HTMLProgressElement;
    expect(progress.tagName).toBe('PROGRESS');
    expect(progress.value).toBe(4);
    expect(progress.max).toBe(10);
    expect(screen.getByLabelText('Bezig met inlezen: 4 van 10')).toBe(progress);
    expect(runButton().disabled).toBe(true);
    expect(runButton().textContent?.trim()).toBe('Bezig met inlezen…');
    expect(backend.runImport).toHaveBeenCalledWith(backend.dryRunImport.mock.calls[0]![0], expect.any(Function));

    report!({ done: 9, total: 10 });
    await waitFor(() => expect(progress.value).toBe(9));
    held.resolve({ added: 10, existing: 1 });

    expect((await screen.findByTestId('import-done')).textContent).toBe('10 toegevoegd, 1 stond er al in.');
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.queryByTestId('dry-run')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('4. Controleren en inlezen'));
  });

  it('runs the fake import through to its outcome', async () => {
    const backend = await read();
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('dry-run');
    await userEvent.click(runButton());

    expect((await screen.findByTestId('import-done')).textContent).toBe('10 toegevoegd, 1 stond er al in.');
    expect(backend.runImport).toHaveBeenCalledTimes(1);
  });

  it('says why when the import is refused after all', async () => {
    await read({
      runImport: async () => {
        throw refusal({ message: 'Het bestand is veranderd sinds de controle. Controleer opnieuw.', messageEn: 'The file changed since the check.' });
      },
    });
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('dry-run');
    await userEvent.click(runButton());

    expect((await screen.findByTestId('import-run-failure')).textContent).toBe('Het bestand is veranderd sinds de controle. Controleer opnieuw.');
    expect(screen.queryByTestId('import-done')).toBeNull();
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('keeps the import disabled when everything is there already', async () => {
    await read({ dryRunImport: async (input) => ({ ...dryRunFor(input), toAdd: 0, existing: 11 }) });
    await userEvent.click(screen.getByTestId('import-dry-run'));

    expect((await screen.findByTestId('dry-run-summary')).textContent).toBe(
      '12 rijen gelezen, 0 worden toegevoegd, 11 staan er al in, 1 overgeslagen (lege regels en totalen).',
    );
    expect(screen.getByTestId('import-nothing-new').textContent).toBe('Er is niets nieuws om in te lezen.');
    expect(runButton().disabled).toBe(true);
  });

  it('shows the mapping and the problems in English when the window is', async () => {
    const backend = fakeBackend({
      appStatus: async () => ({ ...STATUS, language: 'en' }),
      dryRunImport: async (input) => dryRunFor(input, PROBLEMS.slice(0, 1)),
    });
    setBackend(backend);
    navigate({ name: 'data' });
    render(App);
    await userEvent.type(await screen.findByLabelText('Or paste the path to the file'), `${SPREADSHEET}{Enter}`);
    await screen.findAllByTestId('mapping-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Data');
    expect(options(select('import-kind'))).toEqual(['Volunteers', 'Participants', 'Matches', 'Hours', 'Local directory (organisations)']);
    expect(options(fields()[0]!)[0]).toBe('Do not import');

    await userEvent.click(screen.getByTestId('import-dry-run'));

    expect((await screen.findByTestId('dry-run-summary')).textContent).toBe(
      '12 rows read, 10 will be added, 1 is already there, 1 skipped (empty lines and totals).',
    );
    expect(screen.getByTestId('dry-run-problems').textContent?.trim()).toBe('1 problem was found:');
    expect(cells(screen.getByTestId('problem-row'))).toEqual(['6', 'Begonnen', "'31-02-2024' is not a date. Write for example 15-03-2024."]);
  });
});

describe('everything to another laptop', () => {
  it('exports everything to the file chosen in the save dialog', async () => {
    const backend = await open();

    await userEvent.click(screen.getByTestId('export-all'));

    const done = await screen.findByTestId('export-all-done');
    expect(backend.chooseSaveFile).toHaveBeenCalledWith('draagkracht-alles.json');
    expect(backend.exportAllData).toHaveBeenCalledWith(`${DOCUMENTS}/draagkracht-alles.json`);
    expect(done.textContent?.trim()).toBe(`Alles is geëxporteerd: 1.234 onderdelen. Bestand: ${DOCUMENTS}/draagkracht-alles.json.`);
  });

  it('exports nothing when the save dialog is cancelled', async () => {
    const backend = await open({ chooseSaveFile: async () => null });

    await userEvent.click(screen.getByTestId('export-all'));

    await waitFor(() => expect(backend.chooseSaveFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('export-all') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.exportAllData).not.toHaveBeenCalled();
    expect(screen.queryByTestId('export-all-done')).toBeNull();
  });

  it('reads everything in after explaining it only works in an empty Draagkracht, then reloads the app', async () => {
    const backend = await open();
    expect(backend.databaseAccess).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByTestId('import-all'));

    const question = screen.getByTestId('import-all-confirm');
    expect(question.getAttribute('role')).toBe('alertdialog');
    expect(question.textContent).toContain('Alles inlezen werkt alleen in een nieuwe, lege Draagkracht');
    expect(question.textContent).toContain('vlak na de eerste start op de nieuwe laptop');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-all-yes')));
    expect(backend.chooseOpenFile).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('import-all-yes'));

    expect((await screen.findByTestId('import-all-done')).textContent).toBe('Alles is ingelezen: 1.234 onderdelen.');
    expect(backend.chooseOpenFile).toHaveBeenCalledWith([{ name: 'Draagkracht-bestand (JSON)', extensions: ['json'] }]);
    expect(backend.importAllData).toHaveBeenCalledWith(INTERCHANGE_FILE);
    expect(screen.queryByTestId('import-all-confirm')).toBeNull();
    // The app asks anew where it stands: all its data is new.
    await waitFor(() => expect(backend.databaseAccess).toHaveBeenCalledTimes(2));
    expect(backend.appStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('import-all-done')).toBeTruthy();
  });

  it('reads nothing in when the open dialog is cancelled, and going back closes the question', async () => {
    const backend = await open({ chooseOpenFile: async () => null });
    await userEvent.click(screen.getByTestId('import-all'));
    await userEvent.click(screen.getByTestId('import-all-yes'));

    await waitFor(() => expect(backend.chooseOpenFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('import-all-yes') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.importAllData).not.toHaveBeenCalled();
    expect(screen.queryByTestId('import-all-done')).toBeNull();

    await userEvent.click(screen.getByTestId('import-all-no'));
    expect(screen.queryByTestId('import-all-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-all')));
    expect(backend.databaseAccess).toHaveBeenCalledTimes(1);
  });

  it('says so when there is data here already, and changes nothing', async () => {
    const message = 'Hier staan al gegevens in. Alles inlezen kan alleen in een nieuwe, lege Draagkracht. Er is niets veranderd.';
    const backend = await open({
      importAllData: async () => {
        throw refusal({ message, messageEn: 'There is data here already.' });
      },
    });
    await userEvent.click(screen.getByTestId('import-all'));
    await userEvent.click(screen.getByTestId('import-all-yes'));

    expect((await screen.findByTestId('import-all-failure')).textContent).toBe(message);
    expect(screen.queryByTestId('import-all-done')).toBeNull();
    expect(backend.databaseAccess).toHaveBeenCalledTimes(1);
  });
});
