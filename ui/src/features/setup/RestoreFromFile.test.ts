// First start on a new laptop: a backup file from a USB stick is chosen with the system's dialog and
// put back, with the passphrase it was made with or with the recovery code kept beside it; refusals
// land at their field, and a restored database goes straight on to the app.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { AppStatus, DatabaseAccess } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, PASSPHRASE, RECOVERY_CODE, STATUS, USB_BACKUP } from '../../test/fakeBackend';
import ProtectScreen from './ProtectScreen.svelte';

const FIRST_START: AppStatus = { ...STATUS, setUp: false };
const NEW_PASSPHRASE = 'boom regen zomer fluit';

function backendAtFirstStart() {
  const vault = fakeVault({ state: 'new', passphrase: null, backups: [] });
  // The restored database was set up long ago; a new one is not.
  const backend = fakeBackend(
    {
      appStatus: async () => (vault.recoveryCode !== null || vault.passphrase !== null ? STATUS : FIRST_START),
      setLanguage: async (language) => ({ ...STATUS, language }),
    },
    vault,
  );
  setBackend(backend);
  return { backend, vault };
}

/** ProtectScreen on its own, with the restore opened. */
async function openRestore() {
  const { backend, vault } = backendAtFirstStart();
  const oncreated = vi.fn(async (_access: DatabaseAccess) => {});
  render(ProtectScreen, { oncreated });
  await userEvent.click(await screen.findByTestId('protect-restore'));
  return { backend, vault, oncreated };
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('first start: restore a backup file', () => {
  it('is offered below the choices, and "Terug" goes back to them', async () => {
    backendAtFirstStart();
    render(ProtectScreen, { oncreated: vi.fn(async () => {}) });
    const open = await screen.findByTestId('protect-restore');
    expect(open.textContent).toBe('Heb je al een back-up, bijvoorbeeld op een USB-stick? Zet die terug');
    await userEvent.click(open);

    expect(screen.getByRole('heading', { level: 2, name: 'Een back-up terugzetten' })).toBeTruthy();
    expect(screen.queryByTestId('protect-passphrase')).toBeNull();
    expect(screen.getByTestId('restore-file-choose').textContent).toBe('Kies het back-upbestand…');
    expect(screen.getByLabelText('Wachtwoordzin van de back-up')).toBe(input('restore-file-passphrase'));
    expect(document.body.textContent).toContain('Een back-up zonder wachtwoordzin heeft er geen nodig.');

    await userEvent.click(screen.getByTestId('restore-file-back'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('protect-restore')));
    expect(screen.getByTestId('protect-passphrase')).toBeTruthy();
  });

  it('restores the chosen file with its passphrase, says it is busy meanwhile, then continues', async () => {
    const { backend, vault, oncreated } = await openRestore();
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    expect(backend.chooseOpenFile).toHaveBeenCalledWith([{ name: 'Draagkracht-back-up', extensions: ['sqlite'] }]);
    expect(screen.getByTestId('restore-file-path').textContent).toContain(USB_BACKUP.info.path);

    const restore = backend.restoreBackupFile.getMockImplementation()!;
    let go: () => void = () => {};
    backend.restoreBackupFile.mockImplementationOnce((given) => new Promise<void>((resolve) => (go = resolve)).then(() => restore(given)));
    await userEvent.type(input('restore-file-passphrase'), PASSPHRASE);
    await userEvent.click(screen.getByTestId('restore-file-submit'));
    expect(screen.getByTestId('restore-file-submit').textContent?.trim()).toBe('Bezig met terugzetten…');
    expect((screen.getByTestId('restore-file-choose') as HTMLButtonElement).disabled).toBe(true);
    go();

    await waitFor(() => expect(oncreated).toHaveBeenCalledTimes(1));
    expect(backend.restoreBackupFile).toHaveBeenCalledWith({
      path: USB_BACKUP.info.path,
      passphrase: PASSPHRASE,
      recoveryCode: null,
      newPassphrase: null,
      repeat: null,
    });
    expect(oncreated.mock.calls[0]![0]).toMatchObject({ state: 'open', encrypted: true });
    expect(vault).toMatchObject({ state: 'open', passphrase: PASSPHRASE });
  });

  it('refuses a wrong passphrase at its field, and nothing changes', async () => {
    const { vault, oncreated } = await openRestore();
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    await userEvent.type(input('restore-file-passphrase'), 'verkeerde zin hier{Enter}');

    expect((await screen.findByTestId('restore-file-error-passphrase')).textContent).toContain('klopt niet');
    expect(input('restore-file-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(input('restore-file-passphrase').getAttribute('aria-describedby')).toContain('restore-file-error-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(input('restore-file-passphrase')));
    expect(oncreated).not.toHaveBeenCalled();
    expect(vault.state).toBe('new');
  });

  it('with the recovery code: a wrong code is refused at the code field; the right one gives the new passphrase', async () => {
    const { backend, vault, oncreated } = await openRestore();
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    await userEvent.click(screen.getByTestId('restore-file-use-code'));
    await waitFor(() => expect(document.activeElement).toBe(input('restore-file-code')));
    expect(screen.queryByTestId('restore-file-passphrase')).toBeNull();

    await userEvent.type(input('restore-file-code'), 'AAAA-BBBB-CCCC-DDDD-EEEE');
    await userEvent.type(input('restore-file-new-passphrase'), NEW_PASSPHRASE);
    await userEvent.type(input('restore-file-repeat'), NEW_PASSPHRASE);
    await userEvent.click(screen.getByTestId('restore-file-submit'));

    expect((await screen.findByTestId('restore-file-error-recoveryCode')).textContent).toContain('past niet');
    expect(input('restore-file-code').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('restore-file-code')));
    expect(vault.state).toBe('new');
    expect(oncreated).not.toHaveBeenCalled();

    await userEvent.clear(input('restore-file-code'));
    await userEvent.type(input('restore-file-code'), RECOVERY_CODE.toLowerCase());
    await userEvent.click(screen.getByTestId('restore-file-submit'));
    await waitFor(() => expect(oncreated).toHaveBeenCalledTimes(1));
    expect(backend.restoreBackupFile).toHaveBeenLastCalledWith({
      path: USB_BACKUP.info.path,
      passphrase: null,
      recoveryCode: RECOVERY_CODE.toLowerCase(),
      newPassphrase: NEW_PASSPHRASE,
      repeat: NEW_PASSPHRASE,
    });
    expect(vault).toMatchObject({ state: 'open', passphrase: NEW_PASSPHRASE });
  });

  it('without a file chosen, says so at the path line without asking the backend', async () => {
    const { backend } = await openRestore();
    expect(screen.getByTestId('restore-file-path').textContent?.trim()).toBe('Nog geen bestand gekozen.');
    await userEvent.type(input('restore-file-passphrase'), `${PASSPHRASE}{Enter}`);

    expect((await screen.findByTestId('restore-file-error-path')).textContent).toContain('Kies eerst het back-upbestand.');
    const choose = screen.getByTestId('restore-file-choose');
    expect(choose.getAttribute('aria-describedby')).toContain('restore-file-error-path');
    await waitFor(() => expect(document.activeElement).toBe(choose));
    expect(backend.restoreBackupFile).not.toHaveBeenCalled();

    // Choosing the file takes the message away.
    await userEvent.click(choose);
    expect(screen.queryByTestId('restore-file-error-path')).toBeNull();
  });

  it('keeps the path when the dialog is closed, and says a file that is gone at the path line', async () => {
    const { backend } = await openRestore();
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    backend.chooseOpenFile.mockResolvedValueOnce(null);
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    expect(screen.getByTestId('restore-file-path').textContent).toContain(USB_BACKUP.info.path);

    backend.restoreBackupFile.mockRejectedValueOnce({
      code: 'invalid_input',
      message: 'Dit bestand is er niet (meer). Kies het opnieuw.',
      messageEn: 'This file is not there (any more). Please choose it again.',
      field: 'path',
      reason: 'unknown',
    });
    await userEvent.type(input('restore-file-passphrase'), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('restore-file-error-path')).textContent).toContain('Dit bestand is er niet (meer).');
  });

  it('says a damaged file at the top of the form', async () => {
    const { backend } = await openRestore();
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    backend.restoreBackupFile.mockRejectedValueOnce({
      code: 'damaged',
      message: 'Dit back-upbestand is beschadigd. Er is niets veranderd.',
      messageEn: 'This backup file is damaged. Nothing was changed.',
      field: null,
      reason: null,
    });
    await userEvent.type(input('restore-file-passphrase'), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('restore-file-failure')).textContent).toContain('beschadigd');
  });

  it('in the app: a restored database goes on to the app, not to the demo-or-empty choice', async () => {
    const { backend } = backendAtFirstStart();
    render(App);
    await userEvent.click(await screen.findByTestId('protect-restore'));
    await userEvent.click(screen.getByTestId('restore-file-choose'));
    await userEvent.type(input('restore-file-passphrase'), `${PASSPHRASE}{Enter}`);

    await screen.findByTestId('nav-attention');
    expect(screen.queryByTestId('setup-demo')).toBeNull();
    expect(backend.setUp).not.toHaveBeenCalled();
    expect(screen.getByTestId('lock').textContent).toBe('Vergrendelen');
  });
});
