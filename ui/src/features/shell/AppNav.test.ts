// The header menu: the daily screens as links, the rest under Beheer, a disclosure button that
// opens and closes by keyboard and mouse, gives the focus back on Escape, marks itself while one of
// its screens is open, and keeps every link's nav-{section} testid (the end-to-end tests click them).
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend } from '../../test/fakeBackend';
import { clickNav } from '../../test/nav';
import AppNav from './AppNav.svelte';

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const toggle = () => screen.getByTestId('nav-manage') as HTMLButtonElement;
const list = () => screen.getByTestId('nav-manage-list');
const isOpen = () => toggle().getAttribute('aria-expanded') === 'true' && !list().hidden;

beforeEach(() => {
  applyLanguage('nl');
});

describe('header menu', () => {
  it('shows the daily screens as links and the rest under Beheer, every link with its testid', () => {
    render(AppNav, { props: { current: 'overview' } });

    const direct = Array.from(screen.getByRole('navigation', { name: 'Hoofdmenu' }).querySelectorAll('a'))
      .filter((a) => !list().contains(a))
      .map((a) => [a.dataset.testid, a.textContent]);
    expect(direct).toEqual([
      ['nav-attention', 'Aandacht nodig'],
      ['nav-overview', 'Overzicht'],
      ['nav-volunteers', 'Vrijwilligers'],
      ['nav-participants', 'Deelnemers'],
      ['nav-hours', 'Uren invoeren'],
      ['nav-reports', 'Rapportages'],
      ['nav-sharing', 'Samenwerken'],
    ]);
    expect(Array.from(list().querySelectorAll('a')).map((a) => [a.dataset.testid, a.textContent, a.getAttribute('href')])).toEqual([
      ['nav-programmes', 'Projecten', '#/programmes'],
      ['nav-directory', 'Sociale kaart', '#/directory'],
      ['nav-funding', 'Gemeenten en subsidies', '#/funding'],
      ['nav-safety', 'Veiligheid', '#/safety'],
      ['nav-privacy', 'Privacy', '#/privacy'],
      ['nav-data', 'Gegevens', '#/data'],
      ['nav-national', 'Landelijk overzicht', '#/landelijk'],
      ['nav-about', 'Over Draagkracht', '#/about'],
    ]);

    // A disclosure: a button that says whether its list is shown, and which list that is.
    const button = screen.getByRole('button', { name: 'Beheer' });
    expect(button).toBe(toggle());
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(list().id);
    expect(list().hidden).toBe(true);
    expect(screen.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
    expect(button.classList.contains('app-nav-toggle-current')).toBe(false);
  });

  it('opens with the keyboard, and Escape closes it and gives the focus back to Beheer', async () => {
    render(AppNav, { props: { current: 'overview' } });

    toggle().focus();
    await userEvent.keyboard('{Enter}');
    expect(isOpen()).toBe(true);

    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nav-programmes'));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nav-directory'));

    await userEvent.keyboard('{Escape}');
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle());

    // Space opens it too, and Escape on the button itself closes it.
    await userEvent.keyboard(' ');
    expect(isOpen()).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle());

    // Enter on the open button closes it again.
    await userEvent.keyboard('{Enter}');
    expect(isOpen()).toBe(true);
    await userEvent.keyboard('{Enter}');
    expect(isOpen()).toBe(false);
  });

  it('closes when the focus moves on past its links, and stays open while it moves within', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    toggle().focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(toggle());
    expect(isOpen()).toBe(true);

    for (let i = 0; i < 8; i++) await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nav-about'));
    expect(isOpen()).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('lang-nl'));
    expect(isOpen()).toBe(false);
  });

  it('closes on a click elsewhere, and after a link is chosen', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');

    await userEvent.click(toggle());
    expect(isOpen()).toBe(true);
    await userEvent.click(toggle());
    expect(isOpen()).toBe(false);

    await userEvent.click(toggle());
    await userEvent.click(screen.getByRole('heading', { level: 1 }));
    expect(isOpen()).toBe(false);

    await userEvent.click(toggle());
    await userEvent.click(screen.getByTestId('nav-privacy'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Privacy'));
    expect(location.hash).toBe('#/privacy');
    expect(isOpen()).toBe(false);
  });

  it('marks Beheer while one of its screens is open, and the link as the current page', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'overview' });
    render(App);
    await screen.findByTestId('overview-table');
    expect(toggle().classList.contains('app-nav-toggle-current')).toBe(false);

    await clickNav('nav-safety');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Veiligheid'));
    expect(toggle().classList.contains('app-nav-toggle-current')).toBe(true);
    expect(screen.getByTestId('nav-safety').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-programmes').getAttribute('aria-current')).toBeNull();

    await clickNav('nav-volunteers');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vrijwilligers'));
    expect(toggle().classList.contains('app-nav-toggle-current')).toBe(false);
    expect(screen.getByTestId('nav-safety').getAttribute('aria-current')).toBeNull();
  });

  it('speaks English', async () => {
    applyLanguage('en');
    render(AppNav, { props: { current: 'data' } });

    expect(screen.getByRole('button', { name: 'Manage' })).toBe(toggle());
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect(screen.getByTestId('nav-data').textContent).toBe('Data');
    expect(toggle().classList.contains('app-nav-toggle-current')).toBe(true);
  });

  it('passes axe closed and open', async () => {
    render(AppNav, { props: { current: 'privacy' } });
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(toggle());
    expect(isOpen()).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });
});
