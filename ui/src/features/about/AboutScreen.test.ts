// Over Draagkracht (#/about): the last link under Beheer; the version and the day of the build; the
// database and the backup folders, each opened in the file manager (the database's own folder);
// the licence; the software of others counted per part, searchable, with each licence text shown
// only when asked for; and a plain sentence instead of the list when the build has none.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend, type Backend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { ABOUT, DATA_FOLDER, fakeBackend, STATUS, USB_FOLDER, type FakeBackend } from '../../test/fakeBackend';
import { LICENCES, MIT_TEXT } from '../../test/fakeLicences';
import { clickNav } from '../../test/nav';
import { loadLicences } from './licences';

vi.mock('./licences', () => ({ loadLicences: vi.fn() }));

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  navigate({ name: 'about' });
  render(App);
  await screen.findByTestId('about-version');
  return backend;
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const names = () => screen.getAllByTestId('licence-row').map((row) => row.querySelector('th')?.textContent?.trim());

beforeEach(() => {
  applyLanguage('nl');
  vi.mocked(loadLicences).mockReset();
  vi.mocked(loadLicences).mockResolvedValue(structuredClone(LICENCES));
});

describe('about screen', () => {
  it('is reached from the menu, the last link under Beheer', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await clickNav('nav-about');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Over Draagkracht'));
    expect(location.hash).toBe('#/about');
    expect(screen.getByTestId('nav-about').getAttribute('aria-current')).toBe('page');
    const order = Array.from(screen.getByTestId('nav-manage-list').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(order.at(-1)).toBe('nav-about');
  });

  it('shows the version, the day of the build, and the licence with what it means', async () => {
    await open();
    expect(screen.getByTestId('about-version').textContent).toBe('0.1.0');
    expect(screen.getByTestId('about-build-date').textContent).toBe('05-12-2026');
    expect(screen.getByTestId('about-licence').textContent).toBe('Draagkracht is vrije software onder de EUPL-1.2.');
    expect(screen.getByText(/mag Draagkracht gebruiken, aan anderen geven en aanpassen/)).toBeTruthy();
    // Headings in order: one h1, then the sections.
    const headings = Array.from(document.querySelectorAll('main h1, main h2')).map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings).toEqual(['H1 Over Draagkracht', 'H2 Deze versie', 'H2 Waar je gegevens staan', 'H2 Licentie', 'H2 Software van anderen']);
  });

  it('opens the folder of the database and the backup folder', async () => {
    const backend = await open();
    expect(within(screen.getByTestId('about-place-database')).getByText(ABOUT.databasePath!).tagName).toBe('CODE');
    expect(within(screen.getByTestId('about-place-backups')).getByText(ABOUT.backupFolder!).tagName).toBe('CODE');

    await userEvent.click(screen.getByRole('button', { name: 'Map openen: Je gegevens (het databasebestand)' }));
    expect(backend.openFolder).toHaveBeenCalledWith(DATA_FOLDER);
    await userEvent.click(screen.getByRole('button', { name: 'Map openen: Automatische back-ups' }));
    expect(backend.openFolder).toHaveBeenLastCalledWith(`${DATA_FOLDER}/backups`);

    // No second place: the screen says where to set one up.
    const second = screen.getByTestId('about-place-second');
    expect(second.textContent).toContain('Niet ingesteld.');
    expect(within(second).getByRole('link', { name: 'Instellen bij Veiligheid' }).getAttribute('href')).toBe('#/safety');
    expect(screen.queryByTestId('about-open-second')).toBeNull();
  });

  it('opens the second backup place when there is one', async () => {
    const backend = await open({ about: async () => ({ ...ABOUT, secondBackupFolder: USB_FOLDER }) });
    await userEvent.click(screen.getByTestId('about-open-second'));
    expect(backend.openFolder).toHaveBeenCalledWith(USB_FOLDER);
  });

  it('says so when a folder cannot be opened', async () => {
    await open({
      openFolder: async () => {
        throw {
          code: 'storage',
          message: 'De map kon niet worden geopend: geen bestandsbeheer. Je vindt hem ook zelf.',
          messageEn: 'The folder could not be opened: no file manager. You can also find it yourself.',
          field: 'path',
          reason: null,
        };
      },
    });
    await userEvent.click(screen.getByTestId('about-open-backups'));
    const alert = await screen.findByTestId('about-open-failure');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('De map kon niet worden geopend');
    expect((screen.getByTestId('about-open-backups') as HTMLButtonElement).disabled).toBe(false);
  });

  it('counts the software of others per part and lists name, version and licence', async () => {
    await open();
    await screen.findAllByTestId('licence-row');
    expect(screen.getByTestId('licence-counts').textContent?.trim()).toBe('4 onderdelen in Rust, 2 in de gebruikersinterface.');
    expect(names()).toEqual(['rusqlite', 'serde', 'tokio', 'typst', '@tauri-apps/api', 'svelte']);
    const serde = screen.getAllByTestId('licence-row')[1]!;
    expect(Array.from(serde.querySelectorAll('th, td')).map((c) => c.textContent?.trim())).toEqual([
      'serde',
      '1.0.228',
      'MIT OR Apache-2.0',
      'de app (Rust)',
      'Licentietekst van serde',
    ]);
    expect(screen.getByRole('table', { name: 'Software van anderen: naam, versie en licentie' })).toBeTruthy();
    expect(screen.getByTestId('licence-shown').textContent?.trim()).toBe('6 van 6 getoond');
  });

  it('searches by name or licence', async () => {
    await open();
    await screen.findAllByTestId('licence-row');
    const filter = screen.getByLabelText('Zoeken op naam of licentie');

    await userEvent.type(filter, 'apache');
    expect(names()).toEqual(['serde', 'typst', '@tauri-apps/api']);
    expect(screen.getByTestId('licence-shown').textContent?.trim()).toBe('3 van 6 getoond');

    await userEvent.clear(filter);
    await userEvent.type(filter, 'SVELTE');
    expect(names()).toEqual(['svelte']);

    await userEvent.clear(filter);
    await userEvent.type(filter, 'gpl');
    expect(screen.queryByTestId('licence-table')).toBeNull();
    expect(screen.getByTestId('licences-none').textContent).toBe('Niets gevonden voor "gpl".');
  });

  it('shows a licence text below its row only when asked, and hides it again', async () => {
    await open();
    await screen.findAllByTestId('licence-row');
    // No text is in the page until one is asked for.
    expect(document.querySelector('pre')).toBeNull();

    const button = screen.getByRole('button', { name: 'Licentietekst van tokio' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const text = screen.getByRole('region', { name: 'Licentietekst van tokio' });
    expect(text.querySelector('pre')?.textContent).toBe(MIT_TEXT);
    expect(text.querySelector('pre')?.getAttribute('lang')).toBe('en');
    expect(button.getAttribute('aria-controls')).toBe(text.closest('tr')?.id);
    // Right below the row of tokio.
    expect(text.closest('tr')?.previousElementSibling?.querySelector('th')?.textContent).toBe('tokio');
    expect(await axeViolations()).toEqual([]);

    // Another row's text takes its place.
    await userEvent.click(screen.getByRole('button', { name: 'Licentietekst van typst' }));
    expect(screen.getAllByTestId('licence-text')).toHaveLength(1);
    expect(screen.getByTestId('licence-text').textContent).toContain('Apache License');

    await userEvent.click(screen.getByRole('button', { name: 'Licentietekst van typst' }));
    expect(screen.queryByTestId('licence-text')).toBeNull();
  });

  it('says plainly when the build has no list of the software of others', async () => {
    vi.mocked(loadLicences).mockResolvedValue(null);
    await open();
    const missing = await screen.findByTestId('licences-missing');
    expect(missing.textContent).toContain('De lijst van software van anderen zit niet in deze versie van Draagkracht.');
    expect(screen.queryByTestId('licence-filter')).toBeNull();
    expect(screen.getByTestId('about-version').textContent).toBe('0.1.0');
    expect(await axeViolations()).toEqual([]);
  });

  it('still lists the software of others when the version cannot be read', async () => {
    setBackend(
      fakeBackend({
        about: async () => {
          throw { code: 'storage', message: 'Mislukt.', messageEn: 'Failed.', field: null, reason: null };
        },
      }),
    );
    navigate({ name: 'about' });
    render(App);
    expect((await screen.findByTestId('about-failure')).textContent).toBe('Mislukt.');
    expect(await screen.findAllByTestId('licence-row')).toHaveLength(6);
  });

  it('speaks English', async () => {
    applyLanguage('en');
    await open({ appStatus: async () => ({ ...STATUS, language: 'en' }) });
    await screen.findAllByTestId('licence-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('About Draagkracht');
    expect(screen.getByTestId('about-build-date').textContent).toBe('05-12-2026');
    expect(screen.getByTestId('about-licence').textContent).toBe('Draagkracht is free software under the EUPL-1.2.');
    expect(screen.getByTestId('licence-counts').textContent?.trim()).toBe('4 components in Rust, 2 in the user interface.');
    expect(screen.getByRole('button', { name: 'Open folder: Automatic backups' })).toBeTruthy();
    expect(screen.getByLabelText('Search by name or licence')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Licence text of svelte' })).toBeTruthy();
  });

  it('passes axe', async () => {
    await open({ about: async () => ({ ...ABOUT, secondBackupFolder: USB_FOLDER }) });
    await screen.findAllByTestId('licence-row');
    expect(await axeViolations()).toEqual([]);
  });
});
