// "Eerste stappen" on the start screen after starting empty: your name, the recovery code (for
// encrypted data only), a second place for the backups, and volunteers added or imported. Each
// link leads to where the step is done, a done step says "Klaar", "Verbergen" hides the list for
// good, and with every step done it goes away by itself. Not after the demo.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import type { Backend } from '../../api/backend';
import type { VolunteerRow } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { PRIVACY, STATUS, USB_FOLDER, fakeBackend, fakeVault, overviewOf, type FakeVault, withRecoveryCode } from '../../test/fakeBackend';

const ANNA: VolunteerRow = {
  id: 'v-anna',
  name: 'Anna de Vries',
  status: 'active',
  programmeNames: ['Thuisadministratie'],
  minutesLastFourWeeks: 0,
  lastEntryDate: null,
};

/**
 * A database just made: not set up yet, nobody's name, no volunteers, nobody needing attention;
 * whether it is set up, the name and the volunteers kept as the backend would. The vault by default is encrypted,
 * without a code or a second place.
 */
function fresh(vault: FakeVault = fakeVault(), overrides: Partial<Backend> = {}) {
  let setUp = false;
  let name = '';
  let volunteers: VolunteerRow[] = [];
  const backend = fakeBackend(
    {
      appStatus: async () => ({ ...STATUS, setUp }),
      setUp: async (choice) => {
        setUp = true;
        return { ...STATUS, demo: choice === 'demo' };
      },
      attentionList: async () => overviewOf([]),
      privacySettings: async () => ({ ...structuredClone(PRIVACY), coordinatorName: name }),
      setCoordinatorName: async (typed) => {
        name = typed.trim();
        return { ...structuredClone(PRIVACY), coordinatorName: name };
      },
      listVolunteers: async () => structuredClone(volunteers),
      ...overrides,
    },
    vault,
  );
  setBackend(backend);
  return { backend, vault, addVolunteer: () => (volunteers = [ANNA]) };
}

/** The app from the demo-or-empty choice to the start screen after "Leeg beginnen". */
async function startEmpty() {
  const app = render(App);
  await userEvent.click(await screen.findByTestId('setup-empty'));
  await screen.findByTestId('attention-empty');
  return app;
}

function item(key: string): HTMLElement {
  return screen.getByTestId(`first-step-${key}`);
}

function done(key: string): boolean {
  return item(key).dataset.done === 'true';
}

async function heading(text: string) {
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent?.trim()).toBe(text));
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  localStorage.clear();
  applyLanguage('nl');
  navigate({ name: 'overview' });
});

describe('first steps on the start screen', () => {
  it('follows "Leeg beginnen": four steps, none done yet, each with where it is done; one h1 and no axe violations', async () => {
    fresh();
    await startEmpty();

    const list = await screen.findByTestId('first-steps');
    expect(screen.getByRole('heading', { level: 2, name: 'Eerste stappen' })).toBeTruthy();
    expect(list.querySelectorAll('li').length).toBe(4);
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.dataset.testid)).toEqual([
      'first-step-name',
      'first-step-recovery',
      'first-step-backup',
      'first-step-volunteers',
    ]);
    expect(item('name').textContent).toContain('Vul je naam in');
    expect(item('recovery').textContent).toContain('Maak een herstelcode');
    expect(item('backup').textContent).toContain('Kies een tweede plek voor je back-ups');
    expect(item('volunteers').textContent).toContain('Voeg vrijwilligers toe');
    expect(item('volunteers').textContent).toContain('Lees ze in bij Gegevens');
    for (const key of ['name', 'recovery', 'backup', 'volunteers']) expect(done(key)).toBe(false);
    expect(screen.queryByText('Klaar')).toBeNull();
    // The list comes after the heading, above what needs attention.
    expect(screen.getByTestId('attention-intro').compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(list.compareDocumentPosition(screen.getByTestId('attention-empty')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('is not shown after the demo, nor when the app was set up before', async () => {
    fresh();
    const app = render(App);
    await userEvent.click(await screen.findByTestId('setup-demo'));
    await screen.findByTestId('attention-empty');
    expect(screen.queryByTestId('first-steps')).toBeNull();
    app.unmount();

    setBackend(fakeBackend({ attentionList: async () => overviewOf([]) }));
    navigate({ name: 'attention' });
    render(App);
    await screen.findByTestId('attention-empty');
    expect(screen.queryByTestId('first-steps')).toBeNull();
  });

  it('leads each step to its screen', async () => {
    fresh();
    await startEmpty();

    const visits: [string, string, string][] = [
      ['first-step-name-link', '#/privacy', 'Privacy'],
      ['first-step-recovery-link', '#/safety', 'Veiligheid'],
      ['first-step-backup-link', '#/safety', 'Veiligheid'],
      ['first-step-volunteers-link', '#/volunteers/new', 'Nieuwe vrijwilliger'],
      ['first-step-import-link', '#/data', 'Gegevens'],
    ];
    for (const [testid, href, title] of visits) {
      const link = await screen.findByTestId(testid);
      expect(link.getAttribute('href')).toBe(href);
      await userEvent.click(link);
      await heading(title);
      await userEvent.click(screen.getByTestId('nav-attention'));
      await screen.findByTestId('first-steps');
    }
    // Where the recovery code and the second place are set.
    await userEvent.click(screen.getByTestId('first-step-backup-link'));
    await screen.findByTestId('recovery');
    await screen.findByTestId('backup-location-choose');
  });

  it('marks each step done as it is done, and goes away by itself when all are, for good', async () => {
    const { vault, addVolunteer } = fresh();
    await startEmpty();
    await screen.findByTestId('first-steps');

    // Your name, at Privacy.
    await userEvent.click(screen.getByTestId('first-step-name-link'));
    await userEvent.type(await screen.findByTestId('coordinator-name'), 'Marieke{Enter}');
    await screen.findByTestId('coordinator-saved');
    await userEvent.click(screen.getByTestId('nav-attention'));
    await waitFor(() => expect(done('name')).toBe(true));
    expect(item('name').textContent).toContain('Klaar');
    expect(done('recovery')).toBe(false);
    expect(await axeViolations()).toEqual([]);

    // The second place, at Veiligheid.
    await userEvent.click(screen.getByTestId('first-step-backup-link'));
    await userEvent.click(await screen.findByTestId('backup-location-choose'));
    await screen.findByTestId('backup-location-saved');
    expect(vault.secondLocation).toBe(USB_FOLDER);
    // The recovery code, on the same screen.
    await userEvent.type(screen.getByTestId('rc-passphrase'), `${vault.passphrase}{Enter}`);
    await screen.findByTestId('recovery-code');
    await userEvent.click(screen.getByTestId('rc-kept'));
    await userEvent.click(screen.getByTestId('nav-attention'));
    await waitFor(() => expect(done('backup')).toBe(true));
    expect(done('recovery')).toBe(true);
    expect(done('volunteers')).toBe(false);
    expect(localStorage.getItem('draagkracht.firstSteps')).toBe('open');

    // A volunteer: every step is done, so the list is gone, and remembered as done.
    addVolunteer();
    await userEvent.click(screen.getByTestId('nav-volunteers'));
    await heading('Vrijwilligers');
    await userEvent.click(screen.getByTestId('nav-attention'));
    await heading('Aandacht nodig');
    await waitFor(() => expect(localStorage.getItem('draagkracht.firstSteps')).toBe('done'));
    expect(screen.queryByTestId('first-steps')).toBeNull();
  });

  it('"Verbergen" hides the list for good, with the focus on the page heading', async () => {
    fresh();
    const app = await startEmpty();
    const hide = await screen.findByTestId('first-steps-hide');
    expect(hide.textContent?.trim()).toBe('Verbergen');
    expect(screen.getByRole('button', { name: 'Eerste stappen verbergen' })).toBe(hide);

    await userEvent.click(hide);

    expect(screen.queryByTestId('first-steps')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    expect(localStorage.getItem('draagkracht.firstSteps')).toBe('hidden');

    // Elsewhere and back, and after a restart: still hidden.
    await userEvent.click(screen.getByTestId('nav-volunteers'));
    await heading('Vrijwilligers');
    await userEvent.click(screen.getByTestId('nav-attention'));
    await screen.findByTestId('attention-empty');
    expect(screen.queryByTestId('first-steps')).toBeNull();
    app.unmount();
    navigate({ name: 'attention' });
    render(App);
    await screen.findByTestId('attention-empty');
    expect(screen.queryByTestId('first-steps')).toBeNull();
  });

  it('without a passphrase: no recovery code step', async () => {
    fresh(fakeVault({ passphrase: null }));
    await startEmpty();
    await screen.findByTestId('first-steps');
    expect(screen.queryByTestId('first-step-recovery')).toBeNull();
    expect(screen.getByTestId('first-steps').querySelectorAll('li').length).toBe(3);
  });

  it('a code made at the first start and a second place already chosen count as done', async () => {
    fresh(fakeVault({ ...withRecoveryCode('2025-11-26'), secondLocation: USB_FOLDER }));
    await startEmpty();
    await screen.findByTestId('first-steps');
    await waitFor(() => expect(done('backup')).toBe(true));
    expect(done('recovery')).toBe(true);
    expect(done('name')).toBe(false);
    expect(done('volunteers')).toBe(false);
  });

  it('a step whose state cannot be read is shown without it', async () => {
    fresh(fakeVault(), {
      privacySettings: async () => {
        throw { code: 'storage', message: 'Kapot.', messageEn: 'Broken.', field: null, reason: null };
      },
    });
    await startEmpty();
    await screen.findByTestId('first-steps');
    expect(done('name')).toBe(false);
    expect(item('name').textContent).not.toContain('Klaar');
  });

  it('speaks English', async () => {
    fresh();
    await startEmpty();
    await screen.findByTestId('first-steps');
    applyLanguage('en');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('First steps'));
    expect(item('name').textContent).toContain('Fill in your name');
    expect(screen.getByRole('button', { name: 'Hide first steps' }).textContent?.trim()).toBe('Hide');
  });
});
