// First start: the two choices reach the backend as "demo" and "empty", the demo shows a busy
// state while it is made, and the app opens once it is ready.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { AppStatus } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, STATUS } from '../../test/fakeBackend';

const FIRST_START: AppStatus = { ...STATUS, setUp: false };

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('first start', () => {
  it('explores the demo branch: asks for "demo", shows it is busy, then opens the app with the demo banner', async () => {
    let finish: (status: AppStatus) => void = () => {};
    const backend = fakeBackend({
      appStatus: async () => FIRST_START,
      setUp: () => new Promise((resolve) => (finish = resolve)),
    });
    setBackend(backend);
    render(App);

    const demo = await screen.findByTestId('setup-demo');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Welkom bij Draagkracht');
    await userEvent.click(demo);

    expect(backend.setUp).toHaveBeenCalledWith('demo');
    expect(screen.getByRole('status').textContent).toContain('De demo-afdeling wordt gemaakt');
    expect((screen.getByTestId('setup-empty') as HTMLButtonElement).disabled).toBe(true);

    finish({ ...STATUS, setUp: true, demo: true });
    expect((await screen.findByTestId('demo-banner')).textContent).toContain('alle personen zijn verzonnen');
    expect(screen.getByTestId('nav-overview')).toBeTruthy();
    expect(screen.queryByTestId('setup-demo')).toBeNull();
  });

  it('starts empty: asks for "empty" and shows no demo banner', async () => {
    const backend = fakeBackend({ appStatus: async () => FIRST_START });
    setBackend(backend);
    render(App);

    await userEvent.click(await screen.findByTestId('setup-empty'));

    expect(backend.setUp).toHaveBeenCalledTimes(1);
    expect(backend.setUp).toHaveBeenCalledWith('empty');
    await screen.findByTestId('nav-volunteers');
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    // The app opens on the attention list, the start screen; Overzicht stays in the menu.
    await screen.findAllByTestId('attention-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aandacht nodig');
    expect(screen.getByTestId('nav-attention').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-overview').getAttribute('aria-current')).toBeNull();
  });

  it('says why when setting up failed, and lets you choose again', async () => {
    const backend = fakeBackend({
      appStatus: async () => FIRST_START,
      setUp: async () => {
        throw { code: 'storage', message: 'De schijf is vol.', messageEn: 'The disk is full.', field: null, reason: null };
      },
    });
    setBackend(backend);
    render(App);

    await userEvent.click(await screen.findByTestId('setup-demo'));

    expect((await screen.findByRole('alert')).textContent).toContain('De schijf is vol.');
    expect((screen.getByTestId('setup-demo') as HTMLButtonElement).disabled).toBe(false);
  });
});
