// The restore confirmation, for a backup made under an earlier passphrase that is forgotten: the
// recovery code kept beside the backup restores it, and the restored data gets a new passphrase.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import type { DatabaseAccess } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import {
  BACKUPS,
  fakeBackend,
  fakeVault,
  OLD_PASSPHRASE,
  PASSPHRASE,
  RECOVERY_CODE,
  withRecoveryCode,
  type FakeVault,
} from '../../test/fakeBackend';
import RestoreConfirm from './RestoreConfirm.svelte';

const NEW = 'zeilboot regen piano mosterd';
/** Well formed, but not the code beside the backup. */
const OTHER_CODE = 'AAAA-BBBB-CCCC-DDDD-EEEE';
/** The backup from before last week's update, made under `OLD_PASSPHRASE`. */
const OLD = BACKUPS[1]!.info;

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

/** The confirmation for `OLD`, after the first "Ja, terugzetten" made it ask for the old passphrase. */
async function asking(vault: FakeVault = fakeVault(withRecoveryCode())) {
  const backend = fakeBackend({}, vault);
  setBackend(backend);
  const onrestored = vi.fn(async (_access: DatabaseAccess) => {});
  const oncancel = vi.fn();
  render(RestoreConfirm, { backup: OLD, question: 'Wil je de back-up terugzetten?', onrestored, oncancel });
  expect(screen.queryByTestId('restore-use-code')).toBeNull();
  await userEvent.click(screen.getByTestId('restore-yes'));
  await screen.findByTestId('restore-passphrase');
  return { backend, onrestored, vault };
}

/** Switches to the recovery code and fills in the three fields, then submits. */
async function withCode(code: string, passphrase: string, repeat = passphrase) {
  if (!screen.queryByTestId('restore-code')) await userEvent.click(screen.getByTestId('restore-use-code'));
  await userEvent.clear(input('restore-code'));
  if (code) await userEvent.type(input('restore-code'), code);
  await userEvent.clear(input('restore-new-passphrase'));
  if (passphrase) await userEvent.type(input('restore-new-passphrase'), passphrase);
  await userEvent.clear(input('restore-repeat'));
  if (repeat) await userEvent.type(input('restore-repeat'), repeat);
  await userEvent.click(screen.getByTestId('restore-yes'));
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('restoring with the recovery code', () => {
  it('is offered below the earlier passphrase, and switches the form to code, new passphrase and repeat', async () => {
    await asking();

    const link = screen.getByTestId('restore-use-code');
    expect(link.textContent?.trim()).toBe('Wachtwoordzin van toen kwijt? Gebruik je herstelcode');
    expect(link.getAttribute('type')).toBe('button');
    await userEvent.click(link);

    const code = input('restore-code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.queryByTestId('restore-passphrase')).toBeNull();
    expect(screen.queryByTestId('restore-use-code')).toBeNull();
    expect(screen.getByLabelText('Herstelcode')).toBe(code);
    expect(screen.getByLabelText('Nieuwe wachtwoordzin')).toBe(input('restore-new-passphrase'));
    expect(screen.getByLabelText('Typ de nieuwe wachtwoordzin nog een keer')).toBe(input('restore-repeat'));
    expect(input('restore-new-passphrase').type).toBe('password');
    expect(document.getElementById('restore-new-passphrase-help')?.textContent).toContain(
      'De back-up wordt teruggezet en krijgt meteen deze nieuwe wachtwoordzin.',
    );
    expect(input('restore-new-passphrase').getAttribute('aria-describedby')).toBe('restore-new-passphrase-help');
    // The earlier refusal belonged to the passphrase field, which is gone.
    expect(screen.queryByTestId('restore-error-passphrase')).toBeNull();
    expect(screen.getByTestId('restore-use-passphrase').textContent?.trim()).toBe('Toch met de wachtwoordzin');
    expect(screen.getByTestId('restore-yes').textContent?.trim()).toBe('Ja, terugzetten');
  });

  it('refuses a wrong code at the code field, keeping what was typed; nothing is restored', async () => {
    const { backend, onrestored, vault } = await asking();
    const backups = vault.backups.length;

    await withCode(OTHER_CODE, NEW);

    const error = await screen.findByTestId('restore-error-recoveryCode');
    expect(error.id).toBe('restore-error-recoveryCode');
    expect(error.textContent).toContain('Deze herstelcode past niet bij deze gegevens');
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({
      file: OLD.file,
      passphrase: null,
      recoveryCode: OTHER_CODE,
      newPassphrase: NEW,
      repeat: NEW,
    });
    const code = input('restore-code');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toBe('restore-code-help restore-error-recoveryCode');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(code.value).toBe(OTHER_CODE);
    expect(onrestored).not.toHaveBeenCalled();
    expect(vault.backups).toHaveLength(backups);
    expect(vault.passphrase).toBe(PASSPHRASE);

    await withCode('K7QF-3MZP', NEW);
    expect((await screen.findByTestId('restore-error-recoveryCode')).textContent).toContain('Een herstelcode heeft 20 letters en cijfers');
    expect(onrestored).not.toHaveBeenCalled();
  });

  it('says so when no code belongs to the backup (made before the code)', async () => {
    const { onrestored, vault } = await asking(fakeVault(withRecoveryCode('2025-11-25')));

    await withCode(RECOVERY_CODE, NEW);

    expect((await screen.findByTestId('restore-error-recoveryCode')).textContent).toContain('Hier hoort geen herstelcode bij');
    expect(onrestored).not.toHaveBeenCalled();
    expect(vault.passphrase).toBe(PASSPHRASE);
  });

  it('asks for the code itself before trying anything', async () => {
    const { backend, onrestored } = await asking();
    const calls = backend.restoreBackup.mock.calls.length;

    await withCode('', NEW);

    expect((await screen.findByTestId('restore-error-recoveryCode')).textContent).toContain('Vul de herstelcode in');
    await waitFor(() => expect(document.activeElement).toBe(input('restore-code')));
    expect(backend.restoreBackup.mock.calls.length).toBe(calls);
    expect(onrestored).not.toHaveBeenCalled();
  });

  it('refuses a too short new passphrase at the new-passphrase field, and a different repeat at the repeat', async () => {
    const { onrestored, vault } = await asking();

    await withCode(RECOVERY_CODE, 'kort');

    const error = await screen.findByTestId('restore-error-passphrase');
    expect(error.id).toBe('restore-error-passphrase');
    expect(error.textContent).toContain('minstens 10 tekens');
    const field = input('restore-new-passphrase');
    expect(error.closest('.field')?.contains(field)).toBe(true);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('restore-new-passphrase-help restore-error-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByTestId('restore-error-recoveryCode')).toBeNull();
    expect(screen.queryByTestId('restore-failure')).toBeNull();

    await withCode(RECOVERY_CODE, NEW, `${NEW}!`);

    const repeat = await screen.findByTestId('restore-error-repeat');
    expect(repeat.textContent).toContain('niet gelijk');
    expect(repeat.closest('.field')?.contains(input('restore-repeat'))).toBe(true);
    expect(screen.queryByTestId('restore-error-passphrase')).toBeNull();
    expect(onrestored).not.toHaveBeenCalled();
    expect(vault.passphrase).toBe(PASSPHRASE);
  });

  it('restores with the right code, however it is typed, and gives the data the new passphrase', async () => {
    const { backend, onrestored, vault } = await asking();

    await withCode('k7qf 3mzp w8td a2xn h6rb', NEW);

    await waitFor(() => expect(onrestored).toHaveBeenCalledTimes(1));
    expect(onrestored.mock.calls[0]![0]).toMatchObject({ state: 'open', encrypted: true });
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({
      file: OLD.file,
      passphrase: null,
      recoveryCode: 'k7qf 3mzp w8td a2xn h6rb',
      newPassphrase: NEW,
      repeat: NEW,
    });
    expect(vault.passphrase).toBe(NEW);
    expect(vault.backups[0]?.info.kind).toBe('before_restore');
    expect(input('restore-code').value).toBe('');
    expect(input('restore-new-passphrase').value).toBe('');
  });

  it('goes back to the passphrase of the time, which still restores', async () => {
    const { backend, onrestored, vault } = await asking();
    await withCode(OTHER_CODE, NEW);
    await screen.findByTestId('restore-error-recoveryCode');

    await userEvent.click(screen.getByTestId('restore-use-passphrase'));

    const field = input('restore-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByTestId('restore-code')).toBeNull();
    expect(screen.queryByTestId('restore-new-passphrase')).toBeNull();
    expect(screen.queryByTestId('restore-error-recoveryCode')).toBeNull();
    expect(screen.getByTestId('restore-use-code')).toBeTruthy();

    await userEvent.type(field, `${OLD_PASSPHRASE}{Enter}`);

    await waitFor(() => expect(onrestored).toHaveBeenCalledTimes(1));
    expect(backend.restoreBackup).toHaveBeenLastCalledWith({
      file: OLD.file,
      passphrase: OLD_PASSPHRASE,
      recoveryCode: null,
      newPassphrase: null,
      repeat: null,
    });
    expect(vault.passphrase).toBe(OLD_PASSPHRASE);
  });

  it('speaks English too', async () => {
    applyLanguage('en');
    await asking();

    expect(screen.getByTestId('restore-use-code').textContent?.trim()).toBe('Lost the passphrase you had then? Use your recovery code');
    await userEvent.click(screen.getByTestId('restore-use-code'));
    expect(document.getElementById('restore-new-passphrase-help')?.textContent).toContain(
      'The backup is restored and gets this new passphrase at once.',
    );
    expect(screen.getByTestId('restore-use-passphrase').textContent?.trim()).toBe('Use the passphrase after all');
  });
});
