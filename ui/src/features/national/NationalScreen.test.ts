// Landelijk overzicht (#/landelijk): connecting with the address (a password field, refused at the
// field), who the login is, the last whole year of every branch by default with the months a branch
// did not publish in a box under the cover, a region or chosen branches, one municipality's
// residents, saving through the save dialog; and in the window: reached from the first start, the
// unlock screen and Beheer whatever the database's state, with Terug to where the database is.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import type { NationalReportRequest, ReportSaved } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { BRANCH_SERVER, DOCUMENTS, NATIONAL_SERVER, REGION_SERVER, fakeBackend, fakeVault, refusal, TODAY, type FakeBackend } from '../../test/fakeBackend';
import { clickNav } from '../../test/nav';
import NationalScreen from './NationalScreen.svelte';

/** What the screen asks for first: the whole of 2024 (today is 26-11-2025), every branch, anonymous, in Dutch. */
const LAST_YEAR: NationalReportRequest = {
  server: NATIONAL_SERVER,
  from: '2024-01-01',
  to: '2024-12-31',
  audience: 'funder',
  language: 'nl',
  region: null,
  branches: [],
  municipality: null,
};

const LEIDEN_NOTE = 'Niet gepubliceerd: Afdeling Leiden, feb 2024 (niet als nul meegeteld).';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not on the screen`);
  return found as T;
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '');
}

/** A promise settled from outside, to hold a command while the test looks at the screen. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Axe's findings; `alone`: the screen rendered without the window's landmarks around it. */
async function axeViolations(alone = false): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: !alone } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The screen on its own, before connecting. */
function show(overrides: Partial<Backend> = {}): FakeBackend {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  render(NationalScreen, { today: TODAY });
  return backend;
}

/** Types the address and connects; waits for the first preview. */
async function connect(server = NATIONAL_SERVER) {
  await userEvent.type(screen.getByTestId('national-server'), server);
  await userEvent.click(screen.getByTestId('national-connect'));
  await screen.findAllByTestId('report-table');
}

async function open(overrides: Partial<Backend> = {}, server = NATIONAL_SERVER): Promise<FakeBackend> {
  const backend = show(overrides);
  await connect(server);
  return backend;
}

beforeEach(() => {
  applyLanguage('nl');
  localStorage.clear();
});

describe('connecting', () => {
  it('asks for the address in a password field that is not filled in by the browser, with where it comes from', async () => {
    const backend = show();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Landelijk overzicht');
    const field = screen.getByLabelText('Serveradres') as HTMLInputElement;
    expect(field).toBe(screen.getByTestId('national-server'));
    expect(field.type).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(field.getAttribute('aria-describedby')).toBe('national-server-help');
    expect(element('national-server-help').textContent).toContain('postgres://landelijk:…@server.example.nl/draagkracht');
    expect(screen.getByTestId('national-connect').textContent?.trim()).toBe('Verbinden');
    expect(screen.queryByTestId('report-preview')).toBeNull();
    expect(backend.nationalPreview).not.toHaveBeenCalled();
    expect(await axeViolations(true)).toEqual([]);
  });

  it('says it is connecting, then who the login is, and shows the last whole year with the months not published', async () => {
    const held = deferred<Awaited<ReturnType<Backend['nationalConnect']>>>();
    const backend = show({ nationalConnect: () => held.promise });
    await userEvent.type(screen.getByTestId('national-server'), NATIONAL_SERVER);
    await userEvent.click(screen.getByTestId('national-connect'));

    expect(screen.getByTestId('national-connecting').textContent).toContain('Verbinden…');
    expect(screen.getByTestId('national-connecting').getAttribute('role')).toBe('status');
    expect((screen.getByTestId('national-connect') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.nationalConnect).toHaveBeenCalledWith(NATIONAL_SERVER);

    held.resolve(await fakeBackend().nationalConnect(NATIONAL_SERVER));
    await screen.findAllByTestId('report-table');

    const who = screen.getByTestId('national-who');
    expect(who.textContent).toBe('Ingelogd als het landelijk bureau: 3 afdelingen.');
    await waitFor(() => expect(document.activeElement).toBe(who));
    expect(screen.queryByTestId('national-server')).toBeNull();
    expect(backend.nationalPreview).toHaveBeenCalledTimes(1);
    expect(backend.nationalPreview).toHaveBeenCalledWith(LAST_YEAR);
    expect(element<HTMLSelectElement>('report-period-kind').value).toBe('year');
    expect(element<HTMLSelectElement>('report-year').value).toBe('2024');
    expect(element<HTMLInputElement>('national-which-all').checked).toBe(true);
    expect(element<HTMLInputElement>('national-audience-funder').checked).toBe(true);
    expect(element<HTMLInputElement>('national-language-nl').checked).toBe(true);

    // The months a branch did not publish stand in a box right under the cover, before the figures.
    const notice = screen.getByTestId('report-notes-notice');
    expect(notice.classList.contains('notice-warning')).toBe(true);
    expect(within(notice).getByRole('heading', { level: 3 }).textContent).toBe('Goed om te weten');
    expect(Array.from(within(notice).getAllByRole('listitem')).map((li) => li.textContent)).toContain(LEIDEN_NOTE);
    expect(screen.getByTestId('report-cover').nextElementSibling).toBe(notice);
    expect(screen.getByTestId('report-branch').textContent).toBe('Landelijk overzicht — Alle afdelingen (3)');
    const rows = Array.from(screen.getByRole('table', { name: 'Uren en vrijwilligers per afdeling' }).querySelectorAll('tbody tr')).map(cells);
    expect(rows).toEqual([
      ['Afdeling Zwolle', 'Oost', '1.601', '34'],
      ['Afdeling Deventer', 'Oost', '1.020', '22'],
      ['Afdeling Leiden', 'West', '740', '<5'],
    ]);
    expect(await axeViolations(true)).toEqual([]);
  });

  it('shows a refused login at the address, which gets the focus, and connects once it is right', async () => {
    const backend = show();
    const field = screen.getByTestId('national-server') as HTMLInputElement;

    await userEvent.type(field, 'postgres://landelijk:fout@server.example.nl/draagkracht{Enter}');

    const error = await screen.findByTestId('national-error-server');
    expect(error.textContent).toContain('De server kent deze inlognaam of dit wachtwoord niet.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(field));
    // Announced too, since the field keeps the focus.
    expect(screen.getByTestId('national-connecting').textContent).toContain('De server kent deze inlognaam of dit wachtwoord niet.');
    expect(screen.queryByTestId('national-who')).toBeNull();
    expect(backend.nationalPreview).not.toHaveBeenCalled();

    // Typing again takes the message away; the right address connects.
    await userEvent.clear(field);
    expect(screen.queryByTestId('national-error-server')).toBeNull();
    await userEvent.type(field, `${NATIONAL_SERVER}{Enter}`);
    await screen.findAllByTestId('report-table');
    expect(backend.nationalPreview).toHaveBeenCalledWith(LAST_YEAR);
  });

  it('refuses an empty address without asking the server', async () => {
    const backend = show();

    await userEvent.click(screen.getByTestId('national-connect'));

    expect((await screen.findByTestId('national-error-server')).textContent).toContain('Vul het serveradres in dat je van je beheerder kreeg.');
    expect(backend.nationalConnect).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('national-server')));
  });

  it('shows a failure that is not about the address above the form', async () => {
    show({
      nationalConnect: async () => {
        throw refusal({ code: 'storage', field: null, reason: null, message: 'Er ging iets mis.', messageEn: 'Something went wrong.' });
      },
    });

    await userEvent.type(screen.getByTestId('national-server'), `${NATIONAL_SERVER}{Enter}`);

    expect((await screen.findByTestId('national-connect-failure')).textContent).toBe('Er ging iets mis.');
    expect(screen.getByTestId('national-server').getAttribute('aria-invalid')).toBeNull();
  });

  it('goes back to the address with "Andere server", the address still there to change', async () => {
    const backend = await open();

    await userEvent.click(screen.getByTestId('national-other-server'));

    const field = screen.getByTestId('national-server') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe(NATIONAL_SERVER);
    expect(screen.queryByTestId('report-preview')).toBeNull();

    await userEvent.clear(field);
    await userEvent.type(field, `${REGION_SERVER}{Enter}`);
    await screen.findByTestId('national-who');
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, server: REGION_SERVER }));
    expect(screen.getByTestId('national-who').textContent).toBe('Ingelogd als regio Oost: 2 afdelingen.');
  });

  it('keeps the address only in memory', async () => {
    await open();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(location.hash).not.toContain('geheim');
  });
});

describe('what the overview covers', () => {
  it('sends the region chosen', async () => {
    const backend = await open();
    expect(screen.queryByTestId('national-region')).toBeNull();

    await userEvent.click(element('national-which-region'));
    const select = element<HTMLSelectElement>('national-region');
    expect(screen.getByLabelText('Regio')).toBe(select);
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['Oost', 'West']);
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, region: 'Oost' }));

    await userEvent.selectOptions(select, 'West');
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, region: 'West' }));
    await waitFor(() => expect(screen.getByTestId('report-branch').textContent).toBe('Landelijk overzicht — Regio West (1 afdelingen)'));
    expect(screen.getByTestId('report-notes-notice').textContent).toContain(LEIDEN_NOTE);

    await userEvent.click(element('national-which-all'));
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith(LAST_YEAR));
  });

  it('sends the branches ticked, in the order of the list, and asks for one while none is', async () => {
    const backend = await open();

    await userEvent.click(element('national-which-branches'));

    const boxes = screen.getAllByTestId('national-branch') as HTMLInputElement[];
    expect(boxes.map((box) => box.labels?.[0]?.textContent?.trim())).toEqual([
      'Afdeling Zwolle (regio Oost)',
      'Afdeling Deventer (regio Oost)',
      'Afdeling Leiden (regio West)',
    ]);
    expect(boxes.every((box) => !box.checked)).toBe(true);
    // None ticked yet: no preview, and saving waits.
    expect(screen.getByTestId('national-branches-missing').textContent).toBe('Kies een of meer afdelingen.');
    expect(element('national-branches').getAttribute('aria-describedby')).toBe('national-branches-missing');
    expect(await screen.findByTestId('report-preview-none')).toBeTruthy();
    expect(screen.getByTestId('report-preview-none').textContent).toBe('Er is nog geen voorbeeld. Kies eerst een of meer afdelingen.');
    expect((screen.getByTestId('national-save') as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(boxes[2]!);
    await userEvent.click(boxes[0]!);

    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, branches: ['Afdeling Zwolle', 'Afdeling Leiden'] }));
    await waitFor(() => expect(screen.getByTestId('report-branch').textContent).toBe('Landelijk overzicht — Afdeling Zwolle, Afdeling Leiden'));
    expect(screen.queryByTestId('national-branches-missing')).toBeNull();
    expect((screen.getByTestId('national-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('sends the municipality once it is typed, and the audience and the language', async () => {
    const backend = await open();
    const field = screen.getByLabelText(/Alleen inwoners van gemeente/) as HTMLInputElement;
    expect(field.getAttribute('aria-describedby')).toBe('national-municipality-help');

    await userEvent.type(field, 'Zwolle{Enter}');
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, municipality: 'Zwolle' }));
    // Not at every letter.
    expect(backend.nationalPreview.mock.calls.map(([request]) => request.municipality)).toEqual([null, 'Zwolle']);
    await waitFor(() => expect(screen.getByTestId('report-scope-shown').textContent).toBe('Inwoners van Zwolle'));

    await userEvent.click(element('national-audience-internal'));
    await userEvent.click(element('national-language-en'));
    await waitFor(() =>
      expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, municipality: 'Zwolle', audience: 'internal', language: 'en' }),
    );
    await waitFor(() => expect(screen.getByTestId('report-sheet').getAttribute('lang')).toBe('en'));
    expect(screen.getByTestId('report-notes-notice').textContent).toContain('Not published: Afdeling Leiden, Feb 2024 (not counted as zero).');

    await userEvent.clear(field);
    await userEvent.tab();
    await waitFor(() => expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, audience: 'internal', language: 'en' }));
  });

  it('shows a period the overview cannot count at the first date', async () => {
    const backend = await open();

    await userEvent.selectOptions(element('report-period-kind'), 'custom');
    const from = element<HTMLInputElement>('report-from');
    await userEvent.clear(from);
    await userEvent.type(from, '15-1-2024{Enter}');

    const error = await screen.findByTestId('report-error-from');
    expect(backend.nationalPreview).toHaveBeenLastCalledWith({ ...LAST_YEAR, from: '15-1-2024', to: '31-12-2024' });
    expect(error.textContent).toContain('Een landelijk overzicht gaat over een hele maand, een kwartaal of een kalenderjaar');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('report-table')).toBeNull();

    // The first months of a year are fine.
    await userEvent.clear(from);
    await userEvent.type(from, '1-1-2024');
    const to = element<HTMLInputElement>('report-to');
    await userEvent.clear(to);
    await userEvent.type(to, '30-4-2024{Enter}');
    await screen.findAllByTestId('report-table');
    expect(screen.queryByTestId('report-error-from')).toBeNull();
  });

  it("offers a region's login its own region and its branches, without the choice of a region", async () => {
    const backend = await open({}, REGION_SERVER);

    expect(screen.getByTestId('national-who').textContent).toBe('Ingelogd als regio Oost: 2 afdelingen.');
    expect(screen.getByLabelText('Mijn regio (Oost)')).toBe(element('national-which-all'));
    expect(document.getElementById('national-which-region')).toBeNull();
    await userEvent.click(element('national-which-branches'));
    expect(screen.getAllByTestId('national-branch')).toHaveLength(2);
    expect(backend.nationalPreview).toHaveBeenCalledWith({ ...LAST_YEAR, server: REGION_SERVER });
  });

  it("says a branch's login shows only its own figures, and offers no choice of branches", async () => {
    await open({}, BRANCH_SERVER);

    expect(screen.getByTestId('national-who').textContent).toBe('Dit is de inlog van Afdeling Zwolle: je ziet alleen de cijfers van je eigen afdeling.');
    expect(document.getElementById('national-which')).toBeNull();
    expect(screen.queryByTestId('report-notes-notice')?.textContent ?? '').not.toContain('Leiden');
  });
});

describe('saving the overview', () => {
  it('saves to the path chosen in the dialog and says where', async () => {
    const backend = await open();

    await userEvent.click(element('national-save'));

    const saved = await screen.findByTestId('national-saved');
    const path = `${DOCUMENTS}/landelijk-overzicht-2024.pdf`;
    expect(backend.chooseReportFile).toHaveBeenCalledWith('landelijk-overzicht-2024.pdf', 'pdf');
    expect(backend.nationalExport).toHaveBeenCalledWith(LAST_YEAR, 'pdf', path);
    expect(saved.textContent?.trim()).toBe(`Het overzicht is opgeslagen: ${path} (128 kB).`);
    expect(element('national-status').getAttribute('aria-live')).toBe('polite');
    expect(element('national-status').contains(saved)).toBe(true);
  });

  it('names the file after the period, the region and an internal audience, with the format chosen', async () => {
    const backend = await open();
    await userEvent.click(element('national-which-region'));
    await userEvent.selectOptions(element('report-period-kind'), 'quarter');
    await userEvent.click(element('national-audience-internal'));
    await userEvent.selectOptions(element('national-format'), 'xlsx');

    await userEvent.click(element('national-save'));

    await screen.findByTestId('national-saved');
    const request = { ...LAST_YEAR, from: '2025-07-01', to: '2025-09-30', region: 'Oost', audience: 'internal' };
    expect(backend.chooseReportFile).toHaveBeenCalledWith('landelijk-overzicht-2025-k3-oost-intern.xlsx', 'xlsx');
    expect(backend.nationalExport).toHaveBeenCalledWith(request, 'xlsx', `${DOCUMENTS}/landelijk-overzicht-2025-k3-oost-intern.xlsx`);
  });

  it('shows progress while the file is made, and does nothing when the dialog is cancelled', async () => {
    const held = deferred<ReportSaved>();
    let cancel = false;
    const backend = await open({
      chooseReportFile: async (name) => (cancel ? null : `${DOCUMENTS}/${name}`),
      nationalExport: () => held.promise,
    });

    await userEvent.click(element('national-save'));
    const progress = await screen.findByTestId('national-progress');
    expect(screen.getByLabelText('Het overzicht wordt gemaakt…')).toBe(progress.querySelector('progress'));
    expect(element<HTMLButtonElement>('national-save').disabled).toBe(true);
    held.resolve({ path: '/tmp/l.pdf', bytes: 1_258_291 });
    expect((await screen.findByTestId('national-saved')).textContent).toContain('/tmp/l.pdf (1,2 MB)');

    cancel = true;
    await userEvent.click(element('national-save'));
    await waitFor(() => expect(backend.chooseReportFile).toHaveBeenCalledTimes(2));
    expect(backend.nationalExport).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(element('national-status').textContent?.trim()).toBe(''));
  });

  it('says why when the file cannot be written', async () => {
    await open({
      nationalExport: async () => {
        throw refusal({ code: 'storage', field: null, message: 'Draagkracht kan dit bestand niet schrijven.', messageEn: 'Draagkracht cannot write this file.' });
      },
    });

    await userEvent.click(element('national-save'));

    expect((await screen.findByTestId('national-save-failure')).textContent).toBe('Draagkracht kan dit bestand niet schrijven.');
  });
});

describe('in the window', () => {
  it('opens from the first start, without a database, and Terug goes back to it', async () => {
    setBackend(fakeBackend({}, fakeVault({ state: 'new', passphrase: null, backups: [] })));
    navigate({ name: 'attention' });
    render(App);
    const entry = await screen.findByTestId('national-entry');
    expect(entry.textContent).toContain('Voor het landelijk bureau of een regio:');

    await userEvent.click(screen.getByRole('button', { name: 'Landelijk overzicht openen' }));

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Landelijk overzicht'));
    expect(location.hash).toBe('#/landelijk');
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.queryByRole('navigation')).toBeNull();
    await userEvent.type(screen.getByTestId('national-server'), `${NATIONAL_SERVER}{Enter}`);
    await screen.findAllByTestId('report-table');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: /Terug/ }));
    await screen.findByTestId('protect-passphrase');
    expect(location.hash).toBe('#/attention');
  });

  it('opens from the unlock screen, and Terug goes back to it', async () => {
    setBackend(fakeBackend({}, fakeVault({ state: 'locked' })));
    navigate({ name: 'attention' });
    render(App);
    await screen.findByTestId('unlock-passphrase');

    await userEvent.click(screen.getByTestId('national-open'));

    await screen.findByTestId('national-server');
    await userEvent.click(screen.getByTestId('national-back'));
    await screen.findByTestId('unlock-passphrase');
  });

  it('is shown at #/landelijk whatever state the database is in', async () => {
    setBackend(fakeBackend({}, fakeVault({ state: 'locked' })));
    navigate({ name: 'national' });
    render(App);

    expect(await screen.findByTestId('national-server')).toBeTruthy();
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
  });

  it('opens from Beheer in the app, and Terug goes to the attention list', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await clickNav('nav-national');

    await screen.findByTestId('national-server');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Landelijk overzicht');
    await userEvent.click(screen.getByTestId('national-back'));
    await screen.findAllByTestId('attention-row');
    expect(screen.getByTestId('nav-attention').getAttribute('aria-current')).toBe('page');
  });
});

describe('in English', () => {
  it('shows the screen, who the login is and the report in English', async () => {
    applyLanguage('en');
    const backend = await open();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('National picture');
    expect(screen.getByTestId('national-who').textContent).toBe('Logged in as the national office: 3 branches.');
    expect(backend.nationalPreview).toHaveBeenCalledWith({ ...LAST_YEAR, language: 'en' });
    expect(screen.getByTestId('report-notes-notice').textContent).toContain('Not published: Afdeling Leiden, Feb 2024 (not counted as zero).');
    expect(screen.getByLabelText('The whole organisation')).toBe(element('national-which-all'));
    expect(screen.getByTestId('report-branch').textContent).toBe('National picture — All branches (3)');
  });
});
