// The language switch: the window's texts change, <html lang> follows, and the backend is asked
// to remember the choice.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, STATUS } from '../../test/fakeBackend';

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('language switch', () => {
  it('switches to English and back, and asks the backend to remember it', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(App);

    const nav = await screen.findByTestId('nav-volunteers');
    expect(nav.textContent).toBe('Vrijwilligers');
    // The overview is read when it is opened (issue 14): its heading comes a moment after the menu.
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Overzicht');
    expect(document.documentElement.lang).toBe('nl');

    await userEvent.click(screen.getByTestId('lang-en'));

    expect(backend.setLanguage).toHaveBeenCalledWith('en');
    await waitFor(() => expect(screen.getByTestId('nav-volunteers').textContent).toBe('Volunteers'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Overview');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');

    await userEvent.click(screen.getByTestId('lang-nl'));
    expect(backend.setLanguage).toHaveBeenLastCalledWith('nl');
    await waitFor(() => expect(screen.getByTestId('nav-volunteers').textContent).toBe('Vrijwilligers'));
  });

  it('starts in the language the backend remembered', async () => {
    setBackend(fakeBackend({ appStatus: async () => ({ ...STATUS, language: 'en' }) }));
    render(App);
    expect((await screen.findByTestId('nav-hours')).textContent).toBe('Log hours');
    expect(document.documentElement.lang).toBe('en');
  });

  it('goes back to the old language when the backend cannot save the choice', async () => {
    const backend = fakeBackend({
      setLanguage: async () => {
        throw { code: 'storage', message: 'Opslaan lukte niet.', messageEn: 'Could not save.', field: null, reason: null };
      },
    });
    setBackend(backend);
    render(App);
    await userEvent.click(await screen.findByTestId('lang-en'));
    expect((await screen.findByRole('alert')).textContent).toContain('Opslaan lukte niet.');
    expect(screen.getByTestId('nav-volunteers').textContent).toBe('Vrijwilligers');
  });
});
