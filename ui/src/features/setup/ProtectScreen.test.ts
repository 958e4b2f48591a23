// First start, step one: protect the data with a passphrase (typed twice) or go on without one on
// purpose; refusals land at their field. With a passphrase the recovery code is offered next
// (made and written down, or left for later after saying what that means); then, or straight
// after going on without a passphrase, the demo-or-empty choice follows.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { AppStatus, DatabaseAccess } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, RECOVERY_CODE, STATUS } from '../../test/fakeBackend';
import { clickNav } from '../../test/nav';

const FIRST_START: AppStatus = { ...STATUS, setUp: false };
const GOOD = 'fiets lamp oktober wolk';

function start() {
  const vault = fakeVault({ state: 'new', passphrase: null, backups: [] });
  const backend = fakeBackend(
    { appStatus: async () => FIRST_START, setLanguage: async (language) => ({ ...FIRST_START, language }) },
    vault,
  );
  setBackend(backend);
  render(App);
  return { backend, vault };
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

function button(testid: string): HTMLButtonElement {
  return screen.getByTestId(testid) as HTMLButtonElement;
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

/** The first start up to the recovery code: a good passphrase, typed twice. */
async function encrypt() {
  const started = start();
  await userEvent.type(await screen.findByTestId('protect-passphrase'), GOOD);
  await userEvent.type(input('protect-repeat'), `${GOOD}{Enter}`);
  await screen.findByTestId('recovery-step');
  return started;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('first start: protect your data', () => {
  it('comes before the demo-or-empty choice, with hidden new-password fields and a plain explanation', async () => {
    const { backend } = start();
    await screen.findByTestId('protect-passphrase');

    expect(screen.getByRole('heading', { level: 2, name: 'Je gegevens beschermen' })).toBeTruthy();
    expect(document.body.textContent).toContain('Zonder de wachtwoordzin kan niemand het openen, ook wij niet.');
    expect(document.body.textContent).toContain('Schrijf je wachtwoordzin daarom op');
    for (const testid of ['protect-passphrase', 'protect-repeat']) {
      expect(input(testid).type).toBe('password');
      expect(input(testid).getAttribute('autocomplete')).toBe('new-password');
    }
    expect(screen.getByLabelText('Wachtwoordzin')).toBe(input('protect-passphrase'));
    expect(screen.getByTestId('protect-submit').textContent?.trim()).toBe('Versleutelen en doorgaan');
    expect(screen.getByTestId('protect-skip').textContent).toBe('Zonder wachtwoordzin doorgaan (alleen voor een demo of om te proberen)');
    expect(screen.getByTestId('protect-skip').className).toContain('button-secondary');
    expect(screen.queryByTestId('setup-demo')).toBeNull();
    expect(backend.appStatus).not.toHaveBeenCalled();
  });

  it('refuses a passphrase that is too short at its field, and puts the focus there', async () => {
    const { backend, vault } = start();
    await userEvent.type(await screen.findByTestId('protect-passphrase'), 'kort');
    await userEvent.type(input('protect-repeat'), 'kort');
    await userEvent.click(screen.getByTestId('protect-submit'));

    const error = await screen.findByTestId('protect-error-passphrase');
    expect(error.textContent).toContain('minstens 10 tekens');
    expect(backend.createDatabase).toHaveBeenCalledWith({ passphrase: 'kort', repeat: 'kort' });
    expect(input('protect-passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(input('protect-passphrase').getAttribute('aria-describedby')).toContain('protect-error-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(input('protect-passphrase')));
    expect(screen.queryByTestId('protect-error-repeat')).toBeNull();
    expect(vault.state).toBe('new');
    expect(screen.queryByTestId('setup-demo')).toBeNull();
  });

  it('refuses two different passphrases at the repeat field', async () => {
    const { vault } = start();
    await userEvent.type(await screen.findByTestId('protect-passphrase'), GOOD);
    await userEvent.type(input('protect-repeat'), 'fiets lamp oktober wolken{Enter}');

    const error = await screen.findByTestId('protect-error-repeat');
    expect(error.textContent).toContain('niet gelijk');
    expect(input('protect-repeat').getAttribute('aria-invalid')).toBe('true');
    expect(input('protect-passphrase').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('protect-repeat')));
    expect(vault.state).toBe('new');
  });

  it('encrypts, says it is busy meanwhile, then offers the demo-or-empty choice; the app can be locked', async () => {
    const { backend, vault } = start();
    const create = backend.createDatabase.getMockImplementation()!;
    let go: () => void = () => {};
    backend.createDatabase.mockImplementationOnce((input) => new Promise<void>((resolve) => (go = resolve)).then(() => create(input)));
    await userEvent.type(await screen.findByTestId('protect-passphrase'), GOOD);
    await userEvent.type(input('protect-repeat'), GOOD);
    await userEvent.click(screen.getByTestId('protect-submit'));

    expect(screen.getByTestId('protect-submit').textContent?.trim()).toBe('Bezig met versleutelen…');
    expect((screen.getByTestId('protect-submit') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('protect-skip') as HTMLButtonElement).disabled).toBe(true);
    go();

    await userEvent.click(await screen.findByTestId('recovery-step-later'));
    await userEvent.click(await screen.findByTestId('setup-empty'));
    expect(backend.createDatabase).toHaveBeenCalledWith({ passphrase: GOOD, repeat: GOOD });
    expect(vault).toMatchObject({ state: 'open', passphrase: GOOD });
    expect(backend.setUp).toHaveBeenCalledWith('empty');
    await screen.findByTestId('nav-attention');
    expect(screen.getByTestId('lock').textContent).toBe('Vergrendelen');
  });

  it('goes on without a passphrase only when that is chosen: no encryption and no lock button', async () => {
    const { backend, vault } = start();
    await userEvent.type(await screen.findByTestId('protect-passphrase'), 'begonnen maar');
    await userEvent.click(screen.getByTestId('protect-skip'));

    await userEvent.click(await screen.findByTestId('setup-demo'));
    expect(backend.createDatabase).toHaveBeenCalledTimes(1);
    expect(backend.createDatabase).toHaveBeenCalledWith({ passphrase: null, repeat: null });
    // A plain database has no recovery code: that step is not offered.
    expect(screen.queryByTestId('recovery-step')).toBeNull();
    expect(backend.makeRecoveryCode).not.toHaveBeenCalled();
    expect(vault).toMatchObject({ state: 'open', passphrase: null });
    await screen.findByTestId('demo-banner');
    expect(screen.queryByTestId('lock')).toBeNull();
  });

  it('keeps the language chosen before the database existed', async () => {
    const { backend } = start();
    await userEvent.click(await screen.findByTestId('lang-en'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Protect your data');
    expect(backend.setLanguage).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('protect-skip'));
    await screen.findByTestId('setup-demo');
    expect(backend.setLanguage).toHaveBeenCalledWith('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Draagkracht');
  });

  it('says why when the database could not be made, and lets you try again', async () => {
    const { backend } = start();
    backend.createDatabase.mockImplementationOnce(async (): Promise<DatabaseAccess> => {
      throw { code: 'storage', message: 'De schijf is vol.', messageEn: 'The disk is full.', field: null, reason: null };
    });
    await userEvent.click(await screen.findByTestId('protect-skip'));

    expect((await screen.findByTestId('protect-failure')).textContent).toContain('De schijf is vol.');
    expect((screen.getByTestId('protect-skip') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('first start: the recovery code', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'print');
  });

  it('comes right after the passphrase, its heading focused, before the demo-or-empty choice', async () => {
    const { backend } = await encrypt();

    const heading = screen.getByRole('heading', { level: 2, name: 'Herstelcode' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(screen.getByTestId('recovery-step').textContent).toContain(
      'Schrijf hem op papier en bewaar dat op een veilige plek, niet bij de laptop.',
    );
    expect(text('recovery-step-make')).toBe('Herstelcode maken');
    expect(screen.queryByTestId('protect-passphrase')).toBeNull();
    expect(screen.queryByTestId('setup-empty')).toBeNull();
    // Nothing is made before it is asked for.
    expect(backend.makeRecoveryCode).not.toHaveBeenCalled();
    expect(backend.appStatus).not.toHaveBeenCalled();
    expect(await axeViolations()).toEqual([]);
  });

  it('makes the code with the passphrase just chosen and shows it once; "Verder" waits for the tick', async () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    const { backend, vault } = await encrypt();

    await userEvent.click(screen.getByTestId('recovery-step-make'));

    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
    expect(backend.makeRecoveryCode).toHaveBeenCalledWith({ passphrase: GOOD });
    expect(vault.recoveryCode).toBe(RECOVERY_CODE);
    await waitFor(() => expect(document.activeElement?.id).toBe('recovery-step-code-title'));
    expect(text('rc-write-down')).toBe('Schrijf deze code op of druk hem af. Hij wordt niet nog een keer getoond.');
    expect(screen.getByTestId('recovery-code').closest('.recovery-print')).toBeTruthy();
    expect(screen.queryByTestId('recovery-step-make')).toBeNull();
    expect(screen.queryByTestId('recovery-step-later')).toBeNull();

    const written = input('recovery-step-written');
    expect(screen.getByLabelText('Ik heb de code opgeschreven')).toBe(written);
    expect(written.checked).toBe(false);
    expect(button('recovery-step-next').textContent?.trim()).toBe('Verder');
    expect(button('recovery-step-next').disabled).toBe(true);
    expect(button('recovery-step-next').getAttribute('aria-describedby')).toBe('recovery-step-tick-first');
    expect(text('recovery-step-tick-first')).toBe('Zet eerst een vinkje als je de code hebt opgeschreven.');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('rc-print'));
    expect(print).toHaveBeenCalledTimes(1);

    await userEvent.click(written);
    expect(button('recovery-step-next').disabled).toBe(false);
    expect(button('recovery-step-next').getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByTestId('recovery-step-tick-first')).toBeNull();
    await userEvent.click(written);
    expect(button('recovery-step-next').disabled).toBe(true);
    await userEvent.click(written);

    await userEvent.click(button('recovery-step-next'));
    await userEvent.click(await screen.findByTestId('setup-empty'));
    await screen.findByTestId('nav-safety');
    expect(document.body.textContent).not.toContain(RECOVERY_CODE);
    expect(backend.makeRecoveryCode).toHaveBeenCalledTimes(1);

    // The app knows the code exists without asking again.
    await clickNav('nav-safety');
    await waitFor(() => expect(text('rc-status')).toBe('Er is een herstelcode, gemaakt op 26 november 2025.'));
  });

  it('"Later" says beforehand what it means, then goes on to the choices without a code', async () => {
    const { backend, vault } = await encrypt();

    const later = button('recovery-step-later');
    expect(later.textContent?.trim()).toBe('Later');
    expect(later.className).toContain('button-secondary');
    expect(later.getAttribute('aria-describedby')).toBe('recovery-step-later-help');
    expect(document.getElementById('recovery-step-later-help')?.textContent).toBe(
      'Zonder herstelcode ben je alles kwijt als je de wachtwoordzin vergeet. Je kunt de code later maken bij Veiligheid (in het menu Beheer).',
    );

    await userEvent.click(later);

    await userEvent.click(await screen.findByTestId('setup-empty'));
    expect(backend.makeRecoveryCode).not.toHaveBeenCalled();
    expect(vault.recoveryCode).toBeNull();
    await screen.findByTestId('nav-safety');
    await clickNav('nav-safety');
    await waitFor(() => expect(text('rc-status')).toBe('Er is nog geen herstelcode.'));
  });

  it('says why when the code could not be made, and still lets you try again or go on later', async () => {
    const { backend } = await encrypt();
    backend.makeRecoveryCode.mockImplementationOnce(async () => {
      throw { code: 'storage', message: 'De schijf is vol.', messageEn: 'The disk is full.', field: null, reason: null };
    });

    await userEvent.click(screen.getByTestId('recovery-step-make'));

    expect((await screen.findByTestId('recovery-step-failure')).textContent).toContain('De schijf is vol.');
    expect(screen.queryByTestId('recovery-code')).toBeNull();
    expect(button('recovery-step-make').disabled).toBe(false);
    expect(button('recovery-step-later').disabled).toBe(false);
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(button('recovery-step-make'));
    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
    expect(screen.queryByTestId('recovery-step-failure')).toBeNull();
  });

  it('says it is busy while the code is made', async () => {
    const { backend } = await encrypt();
    const make = backend.makeRecoveryCode.getMockImplementation()!;
    let go: () => void = () => {};
    backend.makeRecoveryCode.mockImplementationOnce((input) => new Promise<void>((resolve) => (go = resolve)).then(() => make(input)));

    await userEvent.click(screen.getByTestId('recovery-step-make'));

    expect(text('recovery-step-make')).toBe('Bezig met het maken van de herstelcode…');
    expect(button('recovery-step-make').disabled).toBe(true);
    expect(button('recovery-step-later').disabled).toBe(true);
    go();
    expect((await screen.findByTestId('recovery-code')).textContent).toBe(RECOVERY_CODE);
  });

  it('speaks the language chosen on the first screen', async () => {
    const { backend } = start();
    await userEvent.click(await screen.findByTestId('lang-en'));
    await userEvent.type(screen.getByTestId('protect-passphrase'), GOOD);
    await userEvent.type(input('protect-repeat'), `${GOOD}{Enter}`);

    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Recovery code');
    expect(text('recovery-step-later-help')).toBe(
      'Without a recovery code you lose everything if you forget the passphrase. You can make the code later under Safety (in the Manage menu).',
    );
    await userEvent.click(screen.getByTestId('recovery-step-make'));
    await screen.findByTestId('recovery-code');
    expect(screen.getByLabelText('I have written the code down')).toBe(input('recovery-step-written'));
    expect(text('recovery-step-next')).toBe('Continue');

    await userEvent.click(input('recovery-step-written'));
    await userEvent.click(button('recovery-step-next'));
    await screen.findByTestId('setup-demo');
    expect(backend.setLanguage).toHaveBeenCalledWith('en');
  });
});
