// Samenwerken: starting to share (a name first; a cancelled dialog changes nothing), then the
// shared folder, the laptops, an invitation's code, "Nu synchroniseren" with its report and its
// problems, a folder that cannot be reached, and another folder.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend, type Backend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import {
  fakeBackend,
  fakeSharing,
  fakeVault,
  JOIN_CODE,
  SHARED_FOLDER,
  sharingBranch,
  TWO_VERSIONS,
  USB_FOLDER,
  type FakeSharing,
} from '../../test/fakeBackend';
import { keepSharing } from './status.svelte';

async function open(sharing: FakeSharing = fakeSharing(), overrides: Partial<Backend> = {}) {
  const backend = fakeBackend(overrides, fakeVault(), sharing);
  setBackend(backend);
  navigate({ name: 'sharing' });
  render(App);
  await screen.findByTestId(sharing.status.sharing ? 'sharing-place' : 'sharing-start');
  return backend;
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function text(testid: string): string {
  return screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  applyLanguage('nl');
  keepSharing(null);
});

describe('sharing screen, not sharing yet', () => {
  it('explains it plainly and is reached from the menu, after Gegevens', async () => {
    await open();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Samenwerken');
    expect(screen.getByTestId('nav-sharing').getAttribute('aria-current')).toBe('page');
    expect(document.body.textContent).toContain('Elke laptop bewaart alles zelf en werkt ook zonder internet.');
    expect(document.body.textContent).toContain('Ze gaan versleuteld.');
    expect(screen.getByLabelText('Naam van deze laptop')).toBe(input('sharing-name'));
    expect(input('sharing-name').getAttribute('aria-describedby')).toBe('sharing-name-help');
    expect(document.getElementById('sharing-name-help')?.textContent).toBe("Zoals je collega's hem herkennen, bijvoorbeeld Laptop Anna.");
    expect(text('sharing-choose')).toBe('Kies een gedeelde map…');
    // Nothing shared: the header has no sync line.
    expect(screen.queryByTestId('sync-indicator')).toBeNull();
  });

  it('asks for the name first, at its field, without opening the dialog', async () => {
    const backend = await open();

    await userEvent.click(screen.getByTestId('sharing-choose'));

    expect((await screen.findByTestId('sharing-error-name')).textContent).toContain('Vul een naam in voor deze laptop');
    expect(input('sharing-name').getAttribute('aria-invalid')).toBe('true');
    expect(input('sharing-name').getAttribute('aria-describedby')).toBe('sharing-name-help sharing-error-name');
    await waitFor(() => expect(document.activeElement).toBe(input('sharing-name')));
    expect(backend.chooseFolder).not.toHaveBeenCalled();
    expect(backend.shareInFolder).not.toHaveBeenCalled();
  });

  it('changes nothing when the folder dialog is cancelled', async () => {
    const backend = await open(fakeSharing(), { chooseFolder: async () => null });

    await userEvent.type(input('sharing-name'), 'Laptop Marieke{Enter}');

    await waitFor(() => expect(backend.chooseFolder).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('sharing-choose') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.shareInFolder).not.toHaveBeenCalled();
    expect(input('sharing-name').value).toBe('Laptop Marieke');
    expect(screen.getByTestId('sharing-start')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shares in the chosen folder, then shows where, this laptop in the table and the sync line', async () => {
    const sharing = fakeSharing();
    let pick: (path: string) => void = () => {};
    const backend = await open(sharing, { chooseFolder: () => new Promise((resolve) => (pick = resolve)) });

    await userEvent.type(input('sharing-name'), '  Laptop Marieke ');
    await userEvent.click(screen.getByTestId('sharing-choose'));
    expect(text('sharing-choose')).toBe('Bezig met delen…');
    expect((screen.getByTestId('sharing-choose') as HTMLButtonElement).disabled).toBe(true);
    pick(SHARED_FOLDER);

    await screen.findByTestId('sharing-place');
    expect(backend.shareInFolder).toHaveBeenCalledWith(SHARED_FOLDER, 'Laptop Marieke');
    expect(text('sharing-notice')).toContain(`Deze laptop deelt de afdeling nu in ${SHARED_FOLDER}.`);
    expect(text('sharing-folder')).toBe(SHARED_FOLDER);
    expect(text('sharing-device-name')).toBe('Laptop Marieke');
    expect(text('sharing-waiting')).toBe('niets');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Deze laptop' })));
    const rows = screen.getAllByTestId('device-row');
    expect(rows.map(cells)).toEqual([['Laptop Marieke deze laptop', 'gesynchroniseerd op 26-11-2025 16:30', '0']]);
    expect(await screen.findByTestId('sync-indicator')).toBeTruthy();
    expect(screen.getByTestId('two-versions-empty').textContent).toContain('Er zijn geen twee versies.');
    expect(sharing.status.sharing).toBe(true);
  });

  it('says why sharing could not start, and keeps the name', async () => {
    await open(fakeSharing({ reachable: false }));

    await userEvent.type(input('sharing-name'), 'Laptop Marieke{Enter}');

    expect((await screen.findByTestId('sharing-start-failure')).textContent).toContain(`De gedeelde map ${USB_FOLDER} is niet bereikbaar.`);
    expect(input('sharing-name').value).toBe('Laptop Marieke');
    expect(screen.queryByTestId('sharing-place')).toBeNull();
  });
});

describe('sharing screen, sharing', () => {
  it('shows the folder, this laptop, what waits, the last sync and the laptops as a table', async () => {
    await open(sharingBranch());

    expect(text('sharing-folder')).toBe(SHARED_FOLDER);
    expect(text('sharing-device-name')).toBe('Laptop Marieke');
    expect(text('sharing-waiting')).toBe('3 wijzigingen');
    expect(text('sharing-last-sync')).toBe('26-11-2025 14:05');
    const table = screen.getByTestId('devices-table');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Laptop', 'Laatst gezien', 'Pakketten', 'Verwijderen']);
    expect(screen.getAllByTestId('device-row').map(cells)).toEqual([
      ['Laptop Marieke deze laptop', 'gesynchroniseerd op 03-11-2025 09:30', '41', ''],
      ['Laptop Anna', '26-11-2025 11:42', '37', 'Verwijderen uit de afdeling'],
      ['Kantoor', 'nog niets ontvangen', '0', 'Verwijderen uit de afdeling'],
      ['Laptop Joost verwijderd uit de afdeling', '30-09-2025 17:00', '12', ''],
    ]);
    expect(screen.getAllByTestId('device-row')[3]!.classList.contains('row-inactive')).toBe(true);
    expect(await screen.findAllByTestId('two-versions-item')).toHaveLength(TWO_VERSIONS.length);
    expect(await axeViolations()).toEqual([]);
  });

  it('invites a laptop: the code large and grouped, until when it is valid and what to do, the focus on the code', async () => {
    const backend = await open(sharingBranch());

    await userEvent.click(screen.getByTestId('invite-make'));

    const code = await screen.findByTestId('invite-code');
    expect(backend.inviteLaptop).toHaveBeenCalledTimes(1);
    expect(code.textContent?.trim()).toBe(JOIN_CODE);
    expect(code.classList.contains('recovery-code')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(text('invite-valid')).toBe('Geldig tot 27-11-2025 16:30. De code werkt één keer.');
    const steps = within(screen.getByTestId('invite-steps')).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps[1]).toBe('Kies daar: Aansluiten bij de afdeling van een collega.');
    expect(steps[2]).toContain(`Kies dezelfde gedeelde map: ${SHARED_FOLDER}.`);
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('invite-hide'));
    expect(screen.queryByTestId('invite-code')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('invite-make')));
  });

  it('synchronises now: says what it sent and received, lists the problems, and shows the new state', async () => {
    const sharing = sharingBranch({
      incoming: {
        changes: 5,
        twoVersions: [{ ...TWO_VERSIONS[0]!, id: 4n, field: 'email', kept: 'anna@example.nl', other: 'anna.devries@example.nl' }],
        problems: [
          {
            device: 'Kantoor',
            batch: 7n,
            message: 'Pakket 7 van Kantoor kan niet worden geopend met de sleutel van de afdeling.',
            messageEn: 'Batch 7 from Kantoor cannot be opened with the branch key.',
          },
        ],
      },
    });
    let finish: () => void = () => {};
    const backend = await open(sharing);
    const sync = backend.syncNow.getMockImplementation()!;
    backend.syncNow.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)).then(() => sync()));
    await screen.findAllByTestId('two-versions-item');

    await userEvent.click(screen.getByTestId('sync-now-button'));
    expect(text('sync-now-button')).toBe('Bezig met synchroniseren…');
    expect((screen.getByTestId('sync-now-button') as HTMLButtonElement).disabled).toBe(true);
    finish();

    const report = await screen.findByTestId('sync-report');
    expect(report.closest('[aria-live="polite"]')).toBeTruthy();
    expect(screen.getAllByTestId('sync-report-line').map((li) => li.textContent)).toEqual([
      '3 wijzigingen verstuurd.',
      "5 wijzigingen van je collega's ontvangen.",
      '1 keer hebben twee laptops hetzelfde gegeven anders veranderd. Kijk hieronder bij Twee versies.',
    ]);
    expect(screen.getAllByTestId('sync-problem').map((li) => li.textContent)).toEqual([
      'Pakket 7 van Kantoor kan niet worden geopend met de sleutel van de afdeling.',
    ]);
    await waitFor(() => expect(text('sharing-waiting')).toBe('niets'));
    expect(text('sharing-last-sync')).toBe('26-11-2025 16:30');
    await waitFor(() => expect(screen.getAllByTestId('two-versions-item')).toHaveLength(TWO_VERSIONS.length + 1));
    expect(text('sync-indicator-line')).toBe('Gesynchroniseerd om 16:30');

    applyLanguage('en');
    await waitFor(() => expect(screen.getAllByTestId('sync-problem')[0]!.textContent).toBe('Batch 7 from Kantoor cannot be opened with the branch key.'));
    expect(screen.getAllByTestId('sync-report-line')[0]!.textContent).toBe('3 changes sent.');
  });

  it('says plainly when there was nothing to send or receive', async () => {
    await open(sharingBranch({ status: { ...sharingBranch().status, changesWaiting: 0n }, incoming: { changes: 0, twoVersions: [], problems: [] } }));

    await userEvent.click(screen.getByTestId('sync-now-button'));

    await screen.findByTestId('sync-report');
    expect(screen.getAllByTestId('sync-report-line').map((li) => li.textContent)).toEqual([
      'Er waren geen wijzigingen om te versturen.',
      "Er was niets nieuws van je collega's.",
    ]);
    expect(screen.queryByTestId('sync-problem')).toBeNull();
  });

  it('says why a sync failed, that the work stays here, and the header says so too', async () => {
    const sharing = sharingBranch({ reachable: false });
    await open(sharing);

    await userEvent.click(screen.getByTestId('sync-now-button'));

    expect((await screen.findByTestId('sync-failure')).textContent).toContain(`De gedeelde map ${SHARED_FOLDER} is niet bereikbaar. Je werk blijft bewaard op deze laptop`);
    await waitFor(() => expect(text('sharing-last-failure')).toContain('De laatste keer lukte synchroniseren niet: De gedeelde map'));
    expect(text('sync-indicator-line')).toBe('Map niet bereikbaar — je werk blijft bewaard');
    expect(text('sharing-waiting')).toBe('3 wijzigingen');
    expect(screen.queryByTestId('sync-report')).toBeNull();

    // Once the folder is back, the next sync clears it.
    sharing.reachable = true;
    await userEvent.click(screen.getByTestId('sync-now-button'));
    await screen.findByTestId('sync-report');
    await waitFor(() => expect(screen.queryByTestId('sharing-last-failure')).toBeNull());
    expect(screen.queryByTestId('sync-failure')).toBeNull();
  });

  it('an invitation that cannot be made says why', async () => {
    await open(sharingBranch({ reachable: false }));

    await userEvent.click(screen.getByTestId('invite-make'));

    expect((await screen.findByTestId('invite-failure')).textContent).toContain('is niet bereikbaar');
    expect(screen.queryByTestId('invite-code')).toBeNull();
  });

  it('moves to another folder chosen with the dialog; cancelling it changes nothing', async () => {
    let answer: string | null = null;
    const backend = await open(sharingBranch(), { chooseFolder: async () => answer });

    await userEvent.click(screen.getByTestId('sharing-move'));
    await waitFor(() => expect(backend.chooseFolder).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('sharing-move') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.shareInFolder).not.toHaveBeenCalled();
    expect(text('sharing-folder')).toBe(SHARED_FOLDER);

    answer = USB_FOLDER;
    await userEvent.click(screen.getByTestId('sharing-move'));
    await waitFor(() => expect(text('sharing-folder')).toBe(USB_FOLDER));
    expect(backend.shareInFolder).toHaveBeenCalledWith(USB_FOLDER, 'Laptop Marieke');
    expect(text('sharing-notice')).toBe(`De afdeling wordt nu gedeeld in ${USB_FOLDER}.`);
  });

  it('says why the status could not be read', async () => {
    setBackend(
      fakeBackend({
        sharingStatus: async () => {
          throw { code: 'storage', message: 'De database is niet te lezen.', messageEn: 'The database cannot be read.', field: null, reason: null };
        },
      }),
    );
    navigate({ name: 'sharing' });
    render(App);

    expect((await screen.findByTestId('sharing-load-failure')).textContent).toBe('De database is niet te lezen.');
  });
});
