// The locked database: the passphrase opens it, a wrong one is said at the emptied field and
// changes nothing else; Vergrendelen in the header brings the screen back, for encrypted data only.
// With a recovery code made, "Wachtwoordzin vergeten?" opens the data with it and a new passphrase.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, PASSPHRASE, RECOVERY_CODE, withRecoveryCode } from '../../test/fakeBackend';

function field(): HTMLInputElement {
  return screen.getByTestId('unlock-passphrase') as HTMLInputElement;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('unlock screen', () => {
  it('refuses a wrong passphrase at the emptied, focused field, then opens with the right one', async () => {
    const vault = fakeVault({ state: 'locked' });
    const backend = fakeBackend({}, vault);
    setBackend(backend);
    render(App);

    await screen.findByTestId('unlock-passphrase');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Draagkracht');
    expect(document.body.textContent).toContain('Vul je wachtwoordzin in om je gegevens te openen.');
    expect(field().type).toBe('password');
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(backend.appStatus).not.toHaveBeenCalled();

    await userEvent.type(field(), 'verkeerde zin{Enter}');

    const error = await screen.findByTestId('unlock-error-passphrase');
    expect(error.textContent).toContain('Deze wachtwoordzin klopt niet');
    expect(backend.unlock).toHaveBeenCalledWith('verkeerde zin');
    expect(field().value).toBe('');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBe('unlock-error-passphrase');
    expect(document.activeElement).toBe(field());
    expect(screen.getByRole('status').textContent).toContain('Deze wachtwoordzin klopt niet');
    expect(screen.getByTestId('unlock-submit').textContent?.trim()).toBe('Openen');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(vault.state).toBe('locked');

    // Typing again takes the message away: it was about the previous try.
    await userEvent.type(field(), PASSPHRASE);
    expect(screen.queryByTestId('unlock-error-passphrase')).toBeNull();
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(field().getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');

    await userEvent.type(field(), '{Enter}');

    expect((await screen.findByTestId('nav-overview')).getAttribute('aria-current')).toBe('page');
    expect(backend.unlock).toHaveBeenLastCalledWith(PASSPHRASE);
    expect(backend.appStatus).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('lock')).toBeTruthy();
  });

  it('says it is busy while the key is worked out', async () => {
    const backend = fakeBackend({}, fakeVault({ state: 'locked' }));
    const unlock = backend.unlock.getMockImplementation()!;
    let go: () => void = () => {};
    backend.unlock.mockImplementationOnce((passphrase) => new Promise<void>((resolve) => (go = resolve)).then(() => unlock(passphrase)));
    setBackend(backend);
    render(App);

    await userEvent.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await userEvent.click(screen.getByTestId('unlock-submit'));

    const button = screen.getByTestId('unlock-submit') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Bezig met openen…');
    expect(button.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Bezig met openen…');
    go();
    await screen.findByTestId('nav-overview');
  });

  it('locks from the header, back to the passphrase, and opens again on the same screen', async () => {
    const vault = fakeVault();
    const backend = fakeBackend({}, vault);
    setBackend(backend);
    navigate({ name: 'programmes' });
    render(App);

    await userEvent.click(await screen.findByTestId('lock'));

    await screen.findByTestId('unlock-passphrase');
    expect(backend.lock).toHaveBeenCalledTimes(1);
    expect(vault.state).toBe('locked');
    expect(screen.queryByRole('navigation')).toBeNull();

    await userEvent.type(field(), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('nav-programmes')).getAttribute('aria-current')).toBe('page');
  });

  it('offers no lock for a database without a passphrase', async () => {
    setBackend(fakeBackend({}, fakeVault({ passphrase: null })));
    render(App);
    await screen.findByTestId('nav-overview');
    expect(screen.queryByTestId('lock')).toBeNull();
  });
});

describe('forgotten passphrase', () => {
  const NEW = 'zeilboot regen piano mosterd';

  function input(testid: string): HTMLInputElement {
    return screen.getByTestId(testid) as HTMLInputElement;
  }

  async function forgot(vault = fakeVault({ state: 'locked', ...withRecoveryCode() })) {
    const backend = fakeBackend({}, vault);
    setBackend(backend);
    render(App);
    await userEvent.click(await screen.findByTestId('unlock-forgot'));
    await screen.findByTestId('recover-code');
    return backend;
  }

  async function fill(code: string, passphrase = NEW, repeat = passphrase) {
    if (code) await userEvent.type(input('recover-code'), code);
    if (passphrase) await userEvent.type(input('recover-passphrase'), passphrase);
    if (repeat) await userEvent.type(input('recover-repeat'), repeat);
    await userEvent.click(screen.getByTestId('recover-submit'));
  }

  it('offers no way round the passphrase when no recovery code was made, and says so plainly', async () => {
    const backend = fakeBackend({}, fakeVault({ state: 'locked' }));
    setBackend(backend);
    render(App);
    await screen.findByTestId('unlock-passphrase');
    expect(screen.queryByTestId('unlock-forgot')).toBeNull();
    expect(screen.queryByTestId('recover-code')).toBeNull();
    expect(screen.getByTestId('unlock-no-recovery').textContent).toContain(
      'Voor deze gegevens is geen herstelcode gemaakt, dus zonder de wachtwoordzin gaan ze niet open.',
    );
  });

  it('switches to the recovery form, and back to the passphrase', async () => {
    await forgot();

    expect(screen.getByRole('heading', { level: 2, name: 'Openen met je herstelcode' })).toBeTruthy();
    expect(screen.queryByTestId('unlock-passphrase')).toBeNull();
    expect(screen.queryByTestId('unlock-forgot')).toBeNull();
    const code = input('recover-code');
    expect(code.type).toBe('text');
    expect(code.getAttribute('autocomplete')).toBe('off');
    expect(code.getAttribute('spellcheck')).toBe('false');
    expect(code.placeholder).toBe('XXXX-XXXX-XXXX-XXXX-XXXX');
    expect(screen.getByLabelText('Herstelcode')).toBe(code);
    for (const testid of ['recover-passphrase', 'recover-repeat']) {
      expect(input(testid).type).toBe('password');
      expect(input(testid).getAttribute('autocomplete')).toBe('new-password');
    }
    expect(screen.getByTestId('recover-submit').textContent?.trim()).toBe('Openen met herstelcode');
    await waitFor(() => expect(document.activeElement).toBe(code));

    await userEvent.click(screen.getByTestId('recover-back'));

    expect(screen.queryByTestId('recover-code')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(screen.getByTestId('unlock-forgot')).toBeTruthy();
  });

  it('refuses a wrong code at the code field; nothing else changes', async () => {
    const vault = fakeVault({ state: 'locked', ...withRecoveryCode() });
    const backend = await forgot(vault);
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE';

    await fill(wrong);

    const error = await screen.findByTestId('recover-error-recoveryCode');
    expect(error.textContent).toContain('Deze herstelcode past niet bij deze gegevens.');
    expect(backend.recover).toHaveBeenCalledWith({ code: wrong, passphrase: NEW, repeat: NEW });
    expect(input('recover-code').value).toBe(wrong);
    expect(input('recover-code').getAttribute('aria-invalid')).toBe('true');
    expect(input('recover-code').getAttribute('aria-describedby')).toBe('recover-code-help recover-error-recoveryCode');
    await waitFor(() => expect(document.activeElement).toBe(input('recover-code')));
    expect(input('recover-passphrase').value).toBe(NEW);
    expect(input('recover-passphrase').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('recover-error-passphrase')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Deze herstelcode past niet');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(backend.appStatus).not.toHaveBeenCalled();
    expect(vault.state).toBe('locked');
    expect(vault.passphrase).toBe(PASSPHRASE);

    await userEvent.type(input('recover-passphrase'), 'x');
    expect(screen.getByTestId('recover-error-recoveryCode')).toBeTruthy();
    await userEvent.type(input('recover-code'), '{Backspace}');
    expect(screen.queryByTestId('recover-error-recoveryCode')).toBeNull();
    expect(input('recover-code').getAttribute('aria-invalid')).toBeNull();
    expect(input('recover-code').getAttribute('aria-describedby')).toBe('recover-code-help');
  });

  it('says how a code looks when it is not one', async () => {
    await forgot();

    await fill('K7QF-3MZP');

    expect((await screen.findByTestId('recover-error-recoveryCode')).textContent).toContain('in vijf groepjes van vier');
  });

  it('refuses a too short new passphrase at its field, and two different ones at the repeat', async () => {
    const vault = fakeVault({ state: 'locked', ...withRecoveryCode() });
    await forgot(vault);

    await fill(RECOVERY_CODE, 'te kort');

    expect((await screen.findByTestId('recover-error-passphrase')).textContent).toContain('minstens 10 tekens');
    expect(input('recover-passphrase').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('recover-passphrase')));
    expect(screen.queryByTestId('recover-error-recoveryCode')).toBeNull();
    expect(vault.state).toBe('locked');

    await userEvent.clear(input('recover-passphrase'));
    expect(screen.queryByTestId('recover-error-passphrase')).toBeNull();
    expect(input('recover-passphrase').getAttribute('aria-invalid')).toBeNull();
    await userEvent.type(input('recover-passphrase'), NEW);
    await userEvent.clear(input('recover-repeat'));
    await userEvent.type(input('recover-repeat'), `${NEW} x{Enter}`);

    expect((await screen.findByTestId('recover-error-repeat')).textContent).toContain('niet gelijk');
    expect(screen.queryByTestId('recover-error-passphrase')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('recover-repeat')));
    // The repeat's refusal stays while another field changes, and goes once the repeat does.
    await userEvent.type(input('recover-passphrase'), 'x');
    expect(screen.getByTestId('recover-error-repeat')).toBeTruthy();
    await userEvent.type(input('recover-repeat'), '{Backspace}');
    expect(screen.queryByTestId('recover-error-repeat')).toBeNull();
    expect(vault.state).toBe('locked');
    expect(vault.passphrase).toBe(PASSPHRASE);
  });

  it('opens with the right code (as typed, small letters and all) and sets the new passphrase', async () => {
    const vault = fakeVault({ state: 'locked', ...withRecoveryCode() });
    const backend = await forgot(vault);
    const typed = RECOVERY_CODE.toLowerCase();

    await fill(typed);

    expect((await screen.findByTestId('nav-overview')).getAttribute('aria-current')).toBe('page');
    expect(backend.recover).toHaveBeenCalledWith({ code: typed, passphrase: NEW, repeat: NEW });
    expect(backend.appStatus).toHaveBeenCalledTimes(1);
    expect(vault.state).toBe('open');
    expect(vault.passphrase).toBe(NEW);

    // The new passphrase is the one from now on.
    await userEvent.click(screen.getByTestId('lock'));
    await userEvent.type(await screen.findByTestId('unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('unlock-error-passphrase')).textContent).toContain('Deze wachtwoordzin klopt niet');
    await userEvent.type(field(), `${NEW}{Enter}`);
    await screen.findByTestId('nav-overview');
  });
});
