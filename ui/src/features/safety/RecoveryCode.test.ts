// Veiligheid, the recovery code: made after the current passphrase, shown once (to write down or
// print) until "Ik heb hem bewaard"; a wrong passphrase is said at the emptied field; a new code
// warns that the old one stops working. Only encrypted data has one.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, PASSPHRASE, RECOVERY_CODE, withRecoveryCode, type FakeVault } from '../../test/fakeBackend';

async function open(vault: FakeVault = fakeVault()) {
  const backend = fakeBackend({}, vault);
  setBackend(backend);
  navigate({ name: 'safety' });
  render(App);
  await screen.findByTestId('recovery');
  return backend;
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function text(testid: string): string {
  return screen.getByTestId(testid).textContent?.trim() ?? '';
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  applyLanguage('nl');
});

afterEach(() => {
  Reflect.deleteProperty(window, 'print');
});

describe('recovery code', () => {
  it('makes a code after the passphrase and shows it once, until it is put away', async () => {
    const vault = fakeVault();
    const backend = await open(vault);
    const section = screen.getByTestId('recovery');
    expect(screen.getByRole('heading', { level: 2, name: 'Herstelcode' })).toBeTruthy();
    expect(section.textContent).toContain('Bewaar de code op papier, op een veilige plek, niet bij de laptop.');
    expect(text('rc-status')).toBe('Er is nog geen herstelcode.');
    expect(text('rc-make')).toBe('Herstelcode maken');
    expect(screen.queryByTestId('rc-replaces')).toBeNull();
    expect(input('rc-passphrase').type).toBe('password');
    expect(input('rc-passphrase').getAttribute('autocomplete')).toBe('current-password');
    const reads = backend.databaseAccess.mock.calls.length;

    await userEvent.type(input('rc-passphrase'), PASSPHRASE);
    await userEvent.click(screen.getByTestId('rc-make'));

    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
    expect(backend.makeRecoveryCode).toHaveBeenCalledWith({ passphrase: PASSPHRASE });
    expect(text('rc-write-down')).toBe('Schrijf deze code op of druk hem af. Hij wordt niet nog een keer getoond.');
    expect(section.textContent).toContain('Gemaakt op 26 november 2025.');
    expect(screen.queryByTestId('rc-passphrase')).toBeNull();
    expect(screen.queryByTestId('rc-make')).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('rc-code-title'));
    await waitFor(() => expect(backend.databaseAccess.mock.calls.length).toBe(reads + 1));
    expect(vault.recoveryCode).toBe(RECOVERY_CODE);

    await userEvent.click(screen.getByTestId('rc-kept'));

    expect(screen.queryByTestId('recovery-code')).toBeNull();
    expect(document.body.textContent).not.toContain(RECOVERY_CODE);
    expect(text('rc-status')).toBe('Er is een herstelcode, gemaakt op 26 november 2025.');
    expect(text('rc-make')).toBe('Nieuwe herstelcode maken');
    expect(text('rc-replaces')).toContain('dan werkt de oude niet meer');
    expect(input('rc-passphrase').value).toBe('');
    await waitFor(() => expect(document.activeElement?.id).toBe('rc-heading'));
  });

  it('says it is busy while the code is made', async () => {
    const backend = await open();
    const make = backend.makeRecoveryCode.getMockImplementation()!;
    let go: () => void = () => {};
    backend.makeRecoveryCode.mockImplementationOnce((input) => new Promise<void>((resolve) => (go = resolve)).then(() => make(input)));

    await userEvent.type(input('rc-passphrase'), `${PASSPHRASE}{Enter}`);

    const button = screen.getByTestId('rc-make') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Bezig met het maken van de herstelcode…');
    expect(button.disabled).toBe(true);
    go();
    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
  });

  it('refuses a wrong passphrase at its field, emptied and focused; no code is made', async () => {
    const vault = fakeVault();
    const backend = await open(vault);

    await userEvent.type(input('rc-passphrase'), 'niet de goede zin{Enter}');

    const error = await screen.findByTestId('rc-error-passphrase');
    expect(error.textContent).toContain('Deze wachtwoordzin klopt niet');
    expect(backend.makeRecoveryCode).toHaveBeenCalledWith({ passphrase: 'niet de goede zin' });
    expect(input('rc-passphrase').value).toBe('');
    expect(input('rc-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(input('rc-passphrase').getAttribute('aria-describedby')).toBe('rc-passphrase-help rc-error-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(input('rc-passphrase')));
    expect(screen.queryByTestId('recovery-code')).toBeNull();
    expect(text('rc-status')).toBe('Er is nog geen herstelcode.');
    expect(vault.recoveryCode).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('with a code already made: its date, "new code" and the warning that the old one stops working', async () => {
    await open(fakeVault(withRecoveryCode('2024-12-01')));

    expect(text('rc-status')).toBe('Er is een herstelcode, gemaakt op 1 december 2024.');
    expect(text('rc-make')).toBe('Nieuwe herstelcode maken');
    expect(text('rc-replaces')).toBe(
      'Maak je een nieuwe herstelcode, dan werkt de oude niet meer voor je gegevens. Back-ups van daarvoor openen alleen nog met de oude code of met hun eigen wachtwoordzin.',
    );

    applyLanguage('en');
    await waitFor(() => expect(text('rc-status')).toBe('There is a recovery code, made on 1 December 2024.'));
    expect(text('rc-make')).toBe('Make a new recovery code');
  });

  it('prints the code from the window, and passes axe while it is shown', async () => {
    // happy-dom has no print dialog: the window gets a stand-in for this test.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    await open();
    await userEvent.type(input('rc-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('recovery-code');

    await userEvent.click(screen.getByTestId('rc-print'));

    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('recovery-code').closest('.recovery-print')).toBeTruthy();
    expect(screen.getByTestId('rc-print').closest('.recovery-print')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('is not offered for data without a passphrase', async () => {
    setBackend(fakeBackend({}, fakeVault({ passphrase: null })));
    navigate({ name: 'safety' });
    render(App);
    await screen.findByTestId('passphrase-form');
    expect(screen.queryByTestId('recovery')).toBeNull();
    expect(screen.queryByTestId('rc-make')).toBeNull();
  });
});
