// A screen read when it is opened (issue 14): "Bezig met laden…" until it is there, then the screen
// with its props; at once when opened again; a chunk that cannot be read said plainly, in the
// current language.
import { render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../api/bindings';
import { applyLanguage } from '../i18n/i18n.svelte';
import EffectCounter from '../test/EffectCounter.svelte';
import ErrorNotice from './ErrorNotice.svelte';
import LazyScreen from './LazyScreen.svelte';

const ERROR: ApiError = { code: 'storage', message: 'Het scherm zelf.', messageEn: 'The screen itself.', field: null, reason: null };

/** A loader whose import finishes when the test says so; the screen is ErrorNotice, for its props. */
function controlled() {
  let finish!: () => void;
  let fail!: (reason: unknown) => void;
  // Typed loosely: render() does not infer a generic component's props from its arguments.
  const done = new Promise<{ default: Component<any> }>((resolve, reject) => {
    finish = () => resolve({ default: ErrorNotice as Component<any> });
    fail = reject;
  });
  return { load: () => done, finish, fail };
}

beforeEach(() => applyLanguage('nl'));

describe('lazy screen', () => {
  it('says it is loading, then shows the screen with its props', async () => {
    const { load, finish } = controlled();
    render(LazyScreen, { props: { load, props: { error: ERROR, testid: 'the-screen' } } });
    expect(screen.getByRole('status').textContent).toBe('Bezig met laden…');
    expect(screen.queryByTestId('the-screen')).toBeNull();

    finish();
    expect((await screen.findByTestId('the-screen')).textContent).toBe('Het scherm zelf.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows a screen loaded before at once', async () => {
    const { load, finish } = controlled();
    finish();
    const first = render(LazyScreen, { props: { load, props: { error: ERROR, testid: 'the-screen' } } });
    await screen.findByTestId('the-screen');
    first.unmount();

    render(LazyScreen, { props: { load, props: { error: ERROR, testid: 'again' } } });
    expect(screen.getByTestId('again').textContent).toBe('Het scherm zelf.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says plainly when the screen cannot be read, in the current language', async () => {
    const { load, fail } = controlled();
    applyLanguage('en');
    render(LazyScreen, { props: { load, props: { error: ERROR } } });
    expect(screen.getByRole('status').textContent).toBe('Loading…');

    fail(new TypeError('Importing a module script failed.'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'This screen cannot be opened: Importing a module script failed. Nothing was changed. Close Draagkracht and open it again.',
    );
    expect(alert.dataset.testid).toBe('screen-load-failed');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('does not rerun a screen whose props kept their values when the parent makes a new props object', async () => {
    // A language switch gives the shell a new status, and with it a new props object for the screen:
    // a form that reloaded then lost its chosen project and what was typed.
    const load = () => Promise.resolve({ default: EffectCounter as Component<any> });
    const runs = { count: 0 };
    const view = render(LazyScreen, { props: { load, props: { id: 'a', today: '2026-12-05', runs } } });
    await screen.findByTestId('counter');
    expect(runs.count).toBe(1);

    await view.rerender({ props: { load, props: { id: 'a', today: '2026-12-05', runs } } });
    expect(runs.count).toBe(1);
    expect(screen.getByTestId('counter').textContent).toBe('a 2026-12-05');

    await view.rerender({ props: { load, props: { id: 'b', today: '2026-12-06', runs } } });
    expect(screen.getByTestId('counter').textContent).toBe('b 2026-12-06');
    expect(runs.count).toBe(2);
  });
});
