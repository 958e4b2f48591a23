// Veiligheid: the encryption status, changing (or first setting) the passphrase, making a backup
// now, and restoring one behind a confirmation, with the old passphrase asked for when needed.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import type { Backend } from '../../api/backend';
import {
  BACKUPS,
  fakeBackend,
  fakeVault,
  OLD_PASSPHRASE,
  PASSPHRASE,
  RECOVERY_CODE,
  refusal,
  USB_FOLDER,
  withRecoveryCode,
  type FakeVault,
} from '../../test/fakeBackend';

const NEW = 'zeilboot regen piano mosterd';

async function open(vault: FakeVault = fakeVault(), overrides: Partial<Backend> = {}) {
  const backend = fakeBackend(overrides, vault);
  setBackend(backend);
  navigate({ name: 'safety' });
  render(App);
  await screen.findAllByTestId('backup-row');
  return backend;
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function cells(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '');
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('safety screen', () => {
  it('says the data is encrypted and lists the backups, newest first', async () => {
    await open();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Veiligheid');
    expect(screen.getByTestId('nav-safety').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('safety-status').textContent).toContain('Versleuteld met een wachtwoordzin');
    expect(screen.getByRole('heading', { level: 2, name: 'Wachtwoordzin wijzigen' })).toBeTruthy();
    const rows = screen.getAllByTestId('backup-row');
    expect(rows.map(cells)).toEqual([
      ['26-11-2025 09:02', 'Dagelijks', '1,2 MB', 'versleuteld', 'Terugzetten'],
      ['20-11-2025 14:30', 'Voor een update', '1,1 MB', 'versleuteld', 'Terugzetten'],
      ['01-10-2025 10:00', 'Voor het terugzetten', '0,5 MB', 'niet versleuteld', 'Terugzetten'],
    ]);
    expect(within(rows[0]!).getByRole('button').getAttribute('aria-label')).toBe('De back-up van 26-11-2025 09:02 terugzetten');
  });

  it('refuses a wrong current passphrase at its field, emptied and focused; nothing changes', async () => {
    const vault = fakeVault();
    const backend = await open(vault);

    await userEvent.type(input('pp-current'), 'niet de goede zin');
    await userEvent.type(input('pp-new'), NEW);
    await userEvent.type(input('pp-repeat'), `${NEW}{Enter}`);

    const error = await screen.findByTestId('pp-error-currentPassphrase');
    expect(error.textContent).toContain('Deze wachtwoordzin klopt niet');
    expect(backend.changePassphrase).toHaveBeenCalledWith({ current: 'niet de goede zin', passphrase: NEW, repeat: NEW });
    expect(input('pp-current').value).toBe('');
    expect(input('pp-current').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('pp-current')));
    expect(input('pp-new').value).toBe(NEW);
    expect(screen.queryByTestId('pp-saved')).toBeNull();
    expect(vault.passphrase).toBe(PASSPHRASE);
  });

  it('changes the passphrase, empties the fields and says older backups keep theirs', async () => {
    const vault = fakeVault();
    await open(vault);
    expect(screen.getByTestId('pp-old-backups').textContent).toContain('Oudere back-ups houden de wachtwoordzin waarmee ze gemaakt zijn.');
    for (const testid of ['pp-current', 'pp-new', 'pp-repeat']) expect(input(testid).type).toBe('password');
    expect(input('pp-current').getAttribute('autocomplete')).toBe('current-password');
    expect(input('pp-new').getAttribute('autocomplete')).toBe('new-password');

    await userEvent.type(input('pp-current'), PASSPHRASE);
    await userEvent.type(input('pp-new'), NEW);
    await userEvent.type(input('pp-repeat'), NEW);
    await userEvent.click(screen.getByTestId('pp-save'));

    expect((await screen.findByTestId('pp-saved')).textContent).toBe('De wachtwoordzin is gewijzigd. Gebruik voortaan de nieuwe.');
    expect(vault.passphrase).toBe(NEW);
    for (const testid of ['pp-current', 'pp-new', 'pp-repeat']) expect(input(testid).value).toBe('');
  });

  it("clears a field's refusal as soon as that field is typed in; another field's refusal stays", async () => {
    await open();
    await userEvent.type(input('pp-current'), PASSPHRASE);
    await userEvent.type(input('pp-new'), 'te kort');
    await userEvent.type(input('pp-repeat'), 'te kort{Enter}');
    await screen.findByTestId('pp-error-passphrase');

    await userEvent.type(input('pp-new'), ' x');
    expect(screen.queryByTestId('pp-error-passphrase')).toBeNull();
    expect(input('pp-new').getAttribute('aria-invalid')).toBeNull();
    expect(input('pp-new').getAttribute('aria-describedby')).toBe('pp-new-help');

    await userEvent.clear(input('pp-new'));
    await userEvent.type(input('pp-new'), `${NEW}{Enter}`);
    expect((await screen.findByTestId('pp-error-repeat')).textContent).toContain('niet gelijk');

    await userEvent.type(input('pp-new'), 'x');
    await userEvent.type(input('pp-current'), 'x');
    expect(screen.getByTestId('pp-error-repeat')).toBeTruthy();
    expect(input('pp-repeat').getAttribute('aria-invalid')).toBe('true');

    await userEvent.type(input('pp-repeat'), 'x');
    expect(screen.queryByTestId('pp-error-repeat')).toBeNull();
    expect(input('pp-repeat').getAttribute('aria-invalid')).toBeNull();
  });

  it('sets a first passphrase on a plain database: no current field, an empty current sent, then encrypted', async () => {
    const vault = fakeVault({ passphrase: null, backups: [BACKUPS[2]!] });
    const backend = await open(vault);
    expect(screen.getByTestId('safety-status').textContent).toContain('Niet versleuteld');
    expect(screen.getByTestId('safety-status').textContent).toContain('Stel daarom hieronder een wachtwoordzin in.');
    expect(screen.getByRole('heading', { level: 2, name: 'Wachtwoordzin instellen' })).toBeTruthy();
    expect(screen.queryByTestId('pp-current')).toBeNull();
    expect(screen.queryByTestId('lock')).toBeNull();

    await userEvent.type(input('pp-new'), 'te kort');
    await userEvent.click(screen.getByTestId('pp-save'));
    expect((await screen.findByTestId('pp-error-passphrase')).textContent).toContain('minstens 10 tekens');

    await userEvent.clear(input('pp-new'));
    expect(screen.queryByTestId('pp-error-passphrase')).toBeNull();
    await userEvent.type(input('pp-new'), NEW);
    await userEvent.type(input('pp-repeat'), `${NEW}{Enter}`);

    expect((await screen.findByTestId('pp-saved')).textContent).toContain('Je gegevens zijn nu versleuteld.');
    expect(backend.changePassphrase).toHaveBeenLastCalledWith({ current: '', passphrase: NEW, repeat: NEW });
    await waitFor(() => expect(screen.getByTestId('safety-status').textContent).toContain('Versleuteld met een wachtwoordzin'));
    expect(screen.getByRole('heading', { level: 2, name: 'Wachtwoordzin wijzigen' })).toBeTruthy();
    expect(screen.getByTestId('pp-current')).toBeTruthy();
    expect(screen.getByTestId('lock')).toBeTruthy();
    expect(screen.getByTestId('pp-saved')).toBeTruthy();
  });

  it('makes a backup now: busy meanwhile, then a new row on top and the time it was made', async () => {
    const backend = await open();
    const make = backend.makeBackup.getMockImplementation()!;
    let go: () => void = () => {};
    backend.makeBackup.mockImplementationOnce(() => new Promise<void>((resolve) => (go = resolve)).then(() => make()));

    await userEvent.click(screen.getByTestId('backup-make'));
    expect(screen.getByTestId('backup-make').textContent?.trim()).toBe('Bezig met een back-up maken…');
    expect((screen.getByTestId('backup-make') as HTMLButtonElement).disabled).toBe(true);
    go();

    expect((await screen.findByTestId('backup-notice')).textContent).toBe('Er is een back-up gemaakt om 16:15.');
    const rows = screen.getAllByTestId('backup-row');
    expect(rows).toHaveLength(4);
    expect(cells(rows[0]!)).toEqual(['26-11-2025 16:15', 'Handmatig', '1,2 MB', 'versleuteld', 'Terugzetten']);
    expect(screen.getByTestId('backup-make').textContent?.trim()).toBe('Nu een back-up maken');
  });

  it('restores a backup after a confirmation that names the date, then reloads the app', async () => {
    const vault = fakeVault();
    const backend = await open(vault);
    const accessCalls = backend.databaseAccess.mock.calls.length;
    const statusCalls = backend.appStatus.mock.calls.length;

    await userEvent.click(within(screen.getAllByTestId('backup-row')[0]!).getByRole('button'));
    const confirm = screen.getByTestId('restore-confirm');
    expect(confirm.textContent).toContain('Wil je de back-up van 26-11-2025 09:02 terugzetten?');
    expect(confirm.textContent).toContain('Wat er nu in Draagkracht staat, wordt eerst als back-up bewaard.');
    expect(screen.getAllByTestId('backup-restore').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(backend.restoreBackup).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('restore-yes'));

    expect((await screen.findByTestId('backup-notice')).textContent).toBe('De back-up van 26-11-2025 09:02 is teruggezet.');
    expect(backend.restoreBackup).toHaveBeenCalledWith({ file: BACKUPS[0]!.info.file, passphrase: null, recoveryCode: null, newPassphrase: null, repeat: null });
    const rows = screen.getAllByTestId('backup-row');
    expect(rows).toHaveLength(4);
    expect(cells(rows[0]!)[1]).toBe('Voor het terugzetten');
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    await waitFor(() => expect(backend.appStatus.mock.calls.length).toBe(statusCalls + 1));
    expect(backend.databaseAccess.mock.calls.length).toBe(accessCalls + 1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Veiligheid');
  });

  it("asks for the passphrase of a backup made under an earlier one, and retries with it", async () => {
    const vault = fakeVault();
    const backend = await open(vault);
    const old = BACKUPS[1]!.info.file;

    await userEvent.click(within(screen.getAllByTestId('backup-row')[1]!).getByRole('button'));
    await userEvent.click(screen.getByTestId('restore-yes'));

    const field = (await screen.findByTestId('restore-passphrase')) as HTMLInputElement;
    expect(backend.restoreBackup).toHaveBeenCalledWith({ file: old, passphrase: null, recoveryCode: null, newPassphrase: null, repeat: null });
    expect(screen.getByTestId('restore-error-passphrase').textContent).toContain('gemaakt met een eerdere wachtwoordzin');
    expect(screen.getByTestId('restore-confirm').textContent).toContain('Na het terugzetten open je Draagkracht weer met deze wachtwoordzin.');
    await waitFor(() => expect(document.activeElement).toBe(field));

    await userEvent.type(field, `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('restore-error-passphrase')).textContent).toContain('Deze wachtwoordzin klopt niet');
    await waitFor(() => expect(field.value).toBe(''));

    await userEvent.type(field, `${OLD_PASSPHRASE}{Enter}`);

    expect((await screen.findByTestId('backup-notice')).textContent).toBe('De back-up van 20-11-2025 14:30 is teruggezet.');
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({ file: old, passphrase: OLD_PASSPHRASE, recoveryCode: null, newPassphrase: null, repeat: null });
    expect(vault.passphrase).toBe(OLD_PASSPHRASE);
    expect(vault.backups[0]?.info.kind).toBe('before_restore');
  });

  it('restores a backup whose passphrase is forgotten with the recovery code, under a new passphrase', async () => {
    const vault = fakeVault(withRecoveryCode());
    const backend = await open(vault);

    await userEvent.click(within(screen.getAllByTestId('backup-row')[1]!).getByRole('button'));
    await userEvent.click(screen.getByTestId('restore-yes'));
    await userEvent.click(await screen.findByTestId('restore-use-code'));
    await userEvent.type(input('restore-code'), RECOVERY_CODE);
    await userEvent.type(input('restore-new-passphrase'), NEW);
    await userEvent.type(input('restore-repeat'), `${NEW}{Enter}`);

    expect((await screen.findByTestId('backup-notice')).textContent).toBe('De back-up van 20-11-2025 14:30 is teruggezet.');
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({
      file: BACKUPS[1]!.info.file,
      passphrase: null,
      recoveryCode: RECOVERY_CODE,
      newPassphrase: NEW,
      repeat: NEW,
    });
    expect(vault.passphrase).toBe(NEW);
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
  });

  it('cancels a restore: nothing is restored and the focus goes back to the row', async () => {
    const backend = await open();
    const button = within(screen.getAllByTestId('backup-row')[2]!).getByRole('button');

    await userEvent.click(button);
    await userEvent.click(screen.getByTestId('restore-cancel'));

    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(backend.restoreBackup).not.toHaveBeenCalled();
  });
});

describe('second place for backups', () => {
  it('is not set at first; choosing a folder sets it', async () => {
    const vault = fakeVault();
    const backend = await open(vault);
    const section = await screen.findByTestId('second-location');
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Tweede plek voor back-ups (bijvoorbeeld een USB-stick)');
    await waitFor(() => expect(screen.getByTestId('backup-location').textContent?.trim()).toBe('Niet ingesteld'));
    expect(screen.queryByTestId('backup-location-off')).toBeNull();
    expect(screen.queryByTestId('backup-location-problem')).toBeNull();

    await userEvent.click(screen.getByTestId('backup-location-choose'));

    expect((await screen.findByTestId('backup-location-saved')).textContent).toBe(`Back-ups gaan voortaan ook naar ${USB_FOLDER}.`);
    expect(backend.chooseFolder).toHaveBeenCalledTimes(1);
    expect(backend.setBackupLocation).toHaveBeenCalledWith(USB_FOLDER);
    expect(screen.getByTestId('backup-location').textContent?.trim()).toBe(USB_FOLDER);
    expect(screen.getByTestId('backup-location-off')).toBeTruthy();
    expect(vault.secondLocation).toBe(USB_FOLDER);
  });

  it('changes nothing when the folder dialog is cancelled', async () => {
    const backend = await open(fakeVault(), { chooseFolder: async () => null });
    await waitFor(() => expect(screen.getByTestId('backup-location').textContent?.trim()).toBe('Niet ingesteld'));

    await userEvent.click(screen.getByTestId('backup-location-choose'));

    await waitFor(() => expect(backend.chooseFolder).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByTestId('backup-location-choose') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.setBackupLocation).not.toHaveBeenCalled();
    expect(screen.queryByTestId('backup-location-saved')).toBeNull();
  });

  it('switches the second place off', async () => {
    const vault = fakeVault({ secondLocation: USB_FOLDER });
    const backend = await open(vault);
    await waitFor(() => expect(screen.getByTestId('backup-location').textContent?.trim()).toBe(USB_FOLDER));

    await userEvent.click(screen.getByTestId('backup-location-off'));

    expect((await screen.findByTestId('backup-location-saved')).textContent).toBe('De tweede plek staat uit. Back-ups staan nu alleen op deze laptop.');
    expect(backend.setBackupLocation).toHaveBeenCalledWith(null);
    expect(screen.getByTestId('backup-location').textContent?.trim()).toBe('Niet ingesteld');
    expect(screen.queryByTestId('backup-location-off')).toBeNull();
    expect(vault.secondLocation).toBeNull();
  });

  it('warns when the last copy failed, and reads the settings again after a new backup', async () => {
    const vault = fakeVault({ secondLocation: USB_FOLDER, lastCopyProblem: 'de map is niet gevonden (zit de USB-stick erin?)' });
    const backend = await open(vault);

    const problem = await screen.findByTestId('backup-location-problem');
    expect(problem.textContent?.trim()).toBe(
      'De laatste back-up kon niet naar de tweede plek worden gekopieerd: de map is niet gevonden (zit de USB-stick erin?)',
    );
    const reads = backend.backupSettings.mock.calls.length;

    vault.lastCopyProblem = null;
    await userEvent.click(screen.getByTestId('backup-make'));

    await screen.findByTestId('backup-notice');
    await waitFor(() => expect(backend.backupSettings.mock.calls.length).toBe(reads + 1));
    await waitFor(() => expect(screen.queryByTestId('backup-location-problem')).toBeNull());
  });

  it('shows a refused folder and keeps the old one', async () => {
    const vault = fakeVault({ secondLocation: USB_FOLDER });
    await open(vault, {
      chooseFolder: async () => '/alleen-lezen',
      setBackupLocation: async () => {
        throw refusal({
          field: 'path',
          reason: 'not_allowed',
          message: 'In deze map kan Draagkracht niet schrijven. Kies een andere map.',
          messageEn: 'Draagkracht cannot write to this folder. Please choose another.',
        });
      },
    });
    await waitFor(() => expect(screen.getByTestId('backup-location').textContent?.trim()).toBe(USB_FOLDER));

    await userEvent.click(screen.getByTestId('backup-location-choose'));

    expect((await screen.findByTestId('backup-location-failure')).textContent).toBe('In deze map kan Draagkracht niet schrijven. Kies een andere map.');
    expect(screen.getByTestId('backup-location').textContent?.trim()).toBe(USB_FOLDER);
    expect(screen.queryByTestId('backup-location-saved')).toBeNull();
  });
});
