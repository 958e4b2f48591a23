// The app as a whole: the menu reaches every screen, each screen has one h1 and passes axe's
// structural checks (labels, names, table headers; colour contrast needs a real browser), and
// the two halves of the hours screen keep each other current.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { setBackend } from './api/backend';
import { applyLanguage } from './i18n/i18n.svelte';
import { navigate, type Route } from './routing.svelte';
import { fakeBackend } from './test/fakeBackend';

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('app', () => {
  it('reaches every screen from the menu and marks the current one', async () => {
    setBackend(fakeBackend());
    render(App);
    await screen.findByTestId('overview-table');

    const visits: [string, string][] = [
      ['nav-volunteers', 'Vrijwilligers'],
      ['nav-hours', 'Uren invoeren'],
      ['nav-programmes', 'Projecten'],
      ['nav-overview', 'Overzicht'],
    ];
    for (const [testid, heading] of visits) {
      await userEvent.click(screen.getByTestId(testid));
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent?.trim()).toBe(heading));
      expect(screen.getByTestId(testid).getAttribute('aria-current')).toBe('page');
    }
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByText('Naar de inhoud').getAttribute('href')).toBe('#main');
  });

  it('reloads the week grid after the quick form saved', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    navigate({ name: 'hours', volunteerId: 'v-anna' });
    render(App);
    await screen.findByTestId('week-label');
    const duration = await screen.findByTestId('entry-duration');
    await waitFor(() => expect(document.activeElement).toBe(duration));
    const before = backend.weekGrid.mock.calls.length;

    await userEvent.type(duration, '2{Enter}');

    await screen.findByTestId('entry-saved');
    await waitFor(() => expect(backend.weekGrid.mock.calls.length).toBe(before + 1));
  });

  const screens: [string, Route, string][] = [
    ['overview', { name: 'overview' }, 'overview-table'],
    ['volunteer list', { name: 'volunteers' }, 'volunteer-row'],
    ['volunteer page', { name: 'volunteer', id: 'v-anna' }, 'volunteer-title'],
    ['volunteer form', { name: 'volunteer-edit', id: 'v-anna' }, 'volunteer-save'],
    ['hours', { name: 'hours', volunteerId: null }, 'grid-cell'],
    ['programmes', { name: 'programmes' }, 'programme-row'],
  ];

  for (const [label, route, ready] of screens) {
    it(`${label}: one h1 and no axe violations`, async () => {
      setBackend(fakeBackend({ appStatus: async () => ({ ...(await fakeBackend().appStatus()), demo: true }) }));
      navigate(route);
      render(App);
      await screen.findAllByTestId(ready);
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(await axeViolations()).toEqual([]);
    });
  }

  it('setup screen: no axe violations', async () => {
    setBackend(fakeBackend({ appStatus: async () => ({ ...(await fakeBackend().appStatus()), setUp: false }) }));
    render(App);
    await screen.findByTestId('setup-demo');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });
});
