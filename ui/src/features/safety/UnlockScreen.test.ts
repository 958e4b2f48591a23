// The locked database: the passphrase opens it, a wrong one is said at the emptied field and
// changes nothing else; Vergrendelen in the header brings the screen back, for encrypted data only.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, fakeVault, PASSPHRASE } from '../../test/fakeBackend';

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

    await userEvent.type(field(), `${PASSPHRASE}{Enter}`);

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
