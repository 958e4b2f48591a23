// First start, step one: protect the data with a passphrase (typed twice) or go on without one on
// purpose; refusals land at their field, and after the database is made the demo-or-empty choice
// follows.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { AppStatus, DatabaseAccess } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, STATUS } from '../../test/fakeBackend';

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
