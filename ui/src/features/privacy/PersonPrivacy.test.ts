// Privacy on a person's page: exporting everything about them through the save dialog (cancelling
// it does nothing), and erasing their data behind a confirmation that needs their name typed out,
// after which the list they belong to shows what was removed and what stays.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route, type Route } from '../../routing.svelte';
import { DOCUMENTS, ERASURE, fakeBackend, refusal, STATUS, type FakeBackend } from '../../test/fakeBackend';

const ANNA: Route = { name: 'volunteer', id: 'v-anna' };
const D017: Route = { name: 'participant', id: 'd-017' };

async function open(to: Route, backend: FakeBackend = fakeBackend()): Promise<FakeBackend> {
  setBackend(backend);
  navigate(to);
  render(App);
  await screen.findByTestId('person-privacy');
  return backend;
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('exporting a person', () => {
  it('asks where to save, exports to that file and names both files and the number of records', async () => {
    const backend = await open(ANNA);
    const section = screen.getByTestId('person-privacy');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Privacy (AVG)');
    expect(screen.getByTestId('privacy-export').textContent?.trim()).toBe('Alle gegevens exporteren (inzageverzoek)');

    await userEvent.click(screen.getByTestId('privacy-export'));

    const notice = await screen.findByTestId('privacy-exported');
    expect(backend.chooseSaveFile).toHaveBeenCalledWith('inzage-Anna de Vries.json');
    const path = `${DOCUMENTS}/inzage-Anna de Vries.json`;
    expect(backend.exportPerson).toHaveBeenCalledWith({ person: { kind: 'volunteer', id: 'v-anna' }, path });
    expect(notice.textContent).toContain('De gegevens van Anna de Vries zijn geëxporteerd: 14 onderdelen.');
    expect(notice.textContent).toContain(`Bestand: ${path}.`);
    expect(notice.textContent).toContain(`Leesbare kopie: ${DOCUMENTS}/inzage-Anna de Vries.html.`);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const backend = await open(D017, fakeBackend({ chooseSaveFile: async () => null }));

    await userEvent.click(screen.getByTestId('privacy-export'));

    await waitFor(() => expect(backend.chooseSaveFile).toHaveBeenCalledWith('inzage-D-017.json'));
    await waitFor(() => expect((screen.getByTestId('privacy-export') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.exportPerson).not.toHaveBeenCalled();
    expect(screen.queryByTestId('privacy-exported')).toBeNull();
    expect(screen.queryByTestId('privacy-export-failure')).toBeNull();
  });

  it('exports a participant under their label, and says so when writing the file failed', async () => {
    const backend = await open(
      D017,
      fakeBackend({
        exportPerson: async () => {
          throw refusal({ code: 'storage', field: 'path', reason: null, message: 'Deze map is niet te schrijven.', messageEn: 'This folder cannot be written to.' });
        },
      }),
    );

    await userEvent.click(screen.getByTestId('privacy-export'));

    expect((await screen.findByTestId('privacy-export-failure')).textContent).toBe('Deze map is niet te schrijven.');
    expect(backend.exportPerson).toHaveBeenCalledWith({ person: { kind: 'participant', id: 'd-017' }, path: `${DOCUMENTS}/inzage-D-017.json` });
    expect(screen.queryByTestId('privacy-exported')).toBeNull();
  });
});

describe('erasing a person', () => {
  it('says plainly what happens, links to the backups, and erases only once the name is typed', async () => {
    const backend = await open(ANNA);

    await userEvent.click(screen.getByTestId('privacy-erase'));

    const confirm = screen.getByTestId('erase-confirm');
    expect(confirm.textContent).toContain('Wil je de gegevens van Anna de Vries wissen?');
    expect(confirm.textContent).toContain('De naam, contactgegevens, notities en andere vrije tekst van Anna de Vries worden voorgoed verwijderd.');
    expect(confirm.textContent).toContain('Uren, koppelingen en de zwaarte van de casussen blijven bewaard als anonieme aantallen.');
    expect(confirm.textContent).toContain('Dit kun je niet ongedaan maken.');
    expect(confirm.textContent).toContain('Twijfel je? Maak dan eerst een back-up.');
    expect(screen.getByTestId('erase-backup-link').getAttribute('href')).toBe('#/safety');
    await waitFor(() => expect(document.activeElement?.id).toBe('erase-question'));
    expect(screen.getByLabelText('Typ Anna de Vries om te bevestigen')).toBe(input('erase-name'));

    await userEvent.click(screen.getByTestId('erase-yes'));
    expect((await screen.findByTestId('erase-error-name')).textContent).toContain('Typ precies Anna de Vries.');
    await waitFor(() => expect(document.activeElement).toBe(input('erase-name')));
    expect(input('erase-name').getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(input('erase-name'), 'Anna de Vrie{Enter}');
    expect(screen.getByTestId('erase-error-name')).toBeTruthy();
    expect(backend.erasePerson).not.toHaveBeenCalled();

    await userEvent.clear(input('erase-name'));
    await userEvent.type(input('erase-name'), ' anna  de vries ');
    await userEvent.click(screen.getByTestId('erase-yes'));

    await waitFor(() => expect(route()).toEqual({ name: 'volunteers' }));
    expect(backend.erasePerson).toHaveBeenCalledWith({ kind: 'volunteer', id: 'v-anna' });
    const report = await screen.findByTestId('erasure-report');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vrijwilligers');
    expect(screen.getByTestId('erasure-removed').textContent).toBe('De gegevens van Anna de Vries zijn gewist. Verwijderd: 9 onderdelen.');
    expect(within(report).getAllByTestId('erasure-kept').map((li) => li.textContent)).toEqual(ERASURE.kept);
  });

  it('shows the report in English when the window is in English, on the participant list', async () => {
    const backend = await open(D017, fakeBackend({ appStatus: async () => ({ ...STATUS, language: 'en' }) }));

    await userEvent.click(screen.getByTestId('privacy-erase'));
    await userEvent.type(input('erase-name'), 'D-017{Enter}');

    await waitFor(() => expect(route()).toEqual({ name: 'participants' }));
    expect(backend.erasePerson).toHaveBeenCalledWith({ kind: 'participant', id: 'd-017' });
    await screen.findByTestId('erasure-report');
    expect(screen.getByTestId('erasure-removed').textContent).toBe("D-017's data has been erased. Removed: 9 records.");
    expect(screen.getAllByTestId('erasure-kept').map((li) => li.textContent)).toEqual(ERASURE.keptEn);

    // The report is shown once: the next visit to the list has none.
    navigate({ name: 'volunteers' });
    await screen.findAllByTestId('volunteer-row');
    navigate({ name: 'participants' });
    await screen.findAllByTestId('participant-row');
    expect(screen.queryByTestId('erasure-report')).toBeNull();
  });

  it('cancels: nothing is erased and the focus goes back to the button', async () => {
    const backend = await open(ANNA);

    await userEvent.click(screen.getByTestId('privacy-erase'));
    await userEvent.type(input('erase-name'), 'Anna de Vries');
    await userEvent.click(screen.getByTestId('erase-cancel'));

    expect(screen.queryByTestId('erase-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('privacy-erase')));
    expect(backend.erasePerson).not.toHaveBeenCalled();
    expect(route()).toEqual(ANNA);
  });

  it('stays on the page with the failure when the erasure failed', async () => {
    const backend = await open(
      ANNA,
      fakeBackend({
        erasePerson: async () => {
          throw refusal({ code: 'storage', reason: null, message: 'Er ging iets mis. Er is niets veranderd.', messageEn: 'Something went wrong. Nothing was changed.' });
        },
      }),
    );

    await userEvent.click(screen.getByTestId('privacy-erase'));
    await userEvent.type(input('erase-name'), 'Anna de Vries{Enter}');

    expect((await screen.findByTestId('erase-failure')).textContent).toBe('Er ging iets mis. Er is niets veranderd.');
    expect(backend.erasePerson).toHaveBeenCalledTimes(1);
    expect(route()).toEqual(ANNA);
    expect(screen.getByTestId('erase-confirm')).toBeTruthy();
  });
});
