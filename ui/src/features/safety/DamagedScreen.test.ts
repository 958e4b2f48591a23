// Damage found at start-up: said plainly, nothing written; the latest good backup is offered and
// restored only after a confirmation; without one, the screen says so and where the file is.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { ApiError } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, PASSPHRASE, type FakeBackup, type FakeVault } from '../../test/fakeBackend';

const PROBLEM: ApiError = {
  code: 'damaged',
  message: 'De controle bij het starten vond fouten in het bestand: database disk image is malformed.',
  messageEn: 'The check at start-up found errors in the file: database disk image is malformed.',
  field: null,
  reason: null,
};

function backup(encrypted: boolean): FakeBackup {
  const file = 'draagkracht-2026-11-28T16-15-00-daily.sqlite';
  return {
    info: { file, path: `/tmp/backups/${file}`, createdAt: '2026-11-28T16:15:00', kind: 'daily', sizeBytes: 1_258_291, encrypted },
    madeWith: encrypted ? PASSPHRASE : null,
  };
}

function start(vault: FakeVault) {
  const backend = fakeBackend({}, vault);
  setBackend(backend);
  render(App);
  return backend;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('damaged screen', () => {
  it('says plainly what the check found and offers the latest good backup', async () => {
    const backend = start(fakeVault({ state: 'damaged', passphrase: null, problem: PROBLEM, backups: [backup(false)] }));

    await screen.findByTestId('damaged-restore');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Je gegevens zijn beschadigd');
    expect(document.body.textContent).toContain('Die controle heeft een beschadiging gevonden.');
    expect(document.body.textContent).toContain('niets in het bestand geschreven en niets overschreven');
    expect(screen.getByTestId('damaged-problem').textContent).toContain('database disk image is malformed');
    expect(screen.getByTestId('damaged-backup-when').textContent).toBe('28-11-2026 16:15');
    expect(screen.getByTestId('damaged-backup-size').textContent).toBe('1,2 MB');
    expect(screen.getByTestId('damaged-backup').textContent).toContain('Dagelijks');
    expect(screen.getByTestId('damaged-restore').textContent?.trim()).toBe('Deze back-up terugzetten');
    expect(backend.appStatus).not.toHaveBeenCalled();
  });

  it('restores it after a confirmation that says the damaged database is kept aside, then opens the app', async () => {
    const vault = fakeVault({ state: 'damaged', passphrase: null, problem: PROBLEM, backups: [backup(false)] });
    const backend = start(vault);

    await userEvent.click(await screen.findByTestId('damaged-restore'));
    const question = screen.getByTestId('restore-confirm');
    expect(question.textContent).toContain('De huidige (beschadigde) database wordt eerst apart bewaard.');
    expect(question.textContent).toContain('28-11-2026 16:15');
    await waitFor(() => expect(document.activeElement?.id).toBe('restore-question'));
    expect(backend.restoreBackup).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('restore-yes'));

    await screen.findByTestId('nav-overview');
    expect(backend.restoreBackup).toHaveBeenCalledWith({
      file: 'draagkracht-2026-11-28T16-15-00-daily.sqlite',
      passphrase: null,
      recoveryCode: null,
      newPassphrase: null,
      repeat: null,
    });
    expect(vault.state).toBe('open');
    expect(vault.backups[0]?.info.kind).toBe('before_restore');
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    const backend = start(fakeVault({ state: 'damaged', passphrase: null, problem: PROBLEM, backups: [backup(false)] }));

    await userEvent.click(await screen.findByTestId('damaged-restore'));
    await userEvent.click(screen.getByTestId('restore-cancel'));

    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('damaged-restore')));
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    expect(backend.restoreBackup).not.toHaveBeenCalled();
  });

  it('asks for the passphrase of an encrypted backup, since the damaged database gives no key', async () => {
    const vault = fakeVault({ state: 'damaged', problem: PROBLEM, backups: [backup(true)] });
    const backend = start(vault);

    await userEvent.click(await screen.findByTestId('damaged-restore'));
    await userEvent.click(screen.getByTestId('restore-yes'));

    const field = (await screen.findByTestId('restore-passphrase')) as HTMLInputElement;
    expect(screen.getByTestId('restore-error-passphrase').textContent).toContain('eerdere wachtwoordzin');
    await waitFor(() => expect(document.activeElement).toBe(field));
    await userEvent.type(field, `${PASSPHRASE}{Enter}`);

    await screen.findByTestId('nav-overview');
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({
      file: 'draagkracht-2026-11-28T16-15-00-daily.sqlite',
      passphrase: PASSPHRASE,
      recoveryCode: null,
      newPassphrase: null,
      repeat: null,
    });
    expect(vault.state).toBe('open');
  });

  it('without a good backup says so and shows where the database file is', async () => {
    start(fakeVault({ state: 'damaged', passphrase: null, problem: PROBLEM, backups: [] }));

    expect((await screen.findByTestId('damaged-no-backup')).textContent).toBe('Er is geen goede back-up gevonden die Draagkracht kan terugzetten.');
    expect(screen.getByTestId('damaged-path').textContent).toBe('/tmp/draagkracht.sqlite');
    expect(screen.queryByTestId('damaged-restore')).toBeNull();
    expect(screen.getByTestId('damaged-problem').textContent).toContain('database disk image is malformed');
  });
});
