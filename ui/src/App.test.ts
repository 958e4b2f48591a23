// The app as a whole: the menu reaches every screen, each screen has one h1, passes axe's
// structural checks (labels, names, table headers; colour contrast needs a real browser) and has
// every data table in a frame that scrolls sideways, and the two halves of the hours screen keep
// each other current.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { setBackend } from './api/backend';
import { applyLanguage } from './i18n/i18n.svelte';
import { navigate, type Route } from './routing.svelte';
import type { ImportOutcome } from './api/bindings';
import { MATCH_DETAIL, PROBLEMS, SPREADSHEET, STATUS, dryRunFor, fakeBackend, fakeVault, overviewOf } from './test/fakeBackend';
import { clickNav } from './test/nav';

// Over Draagkracht reads the build's list of third-party licences; here, a small one.
vi.mock('./features/about/licences', async () => {
  const { LICENCES } = await import('./test/fakeLicences');
  return { loadLicences: vi.fn(async () => structuredClone(LICENCES)) };
});

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
      ['nav-attention', 'Aandacht nodig'],
      ['nav-volunteers', 'Vrijwilligers'],
      ['nav-participants', 'Deelnemers'],
      ['nav-hours', 'Uren invoeren'],
      ['nav-programmes', 'Projecten'],
      ['nav-directory', 'Sociale kaart'],
      ['nav-funding', 'Gemeenten en subsidies'],
      ['nav-reports', 'Rapportages'],
      ['nav-safety', 'Veiligheid'],
      ['nav-privacy', 'Privacy'],
      ['nav-data', 'Gegevens'],
      ['nav-sharing', 'Samenwerken'],
      ['nav-about', 'Over Draagkracht'],
      ['nav-overview', 'Overzicht'],
    ];
    for (const [testid, heading] of visits) {
      await clickNav(testid);
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent?.trim()).toBe(heading));
      expect(screen.getByTestId(testid).getAttribute('aria-current')).toBe('page');
      // A link under Beheer closes it; Beheer is marked while its screen is open.
      expect(screen.getByTestId('nav-manage').getAttribute('aria-expanded')).toBe('false');
      expect(screen.getByTestId('nav-manage').classList.contains('app-nav-toggle-current')).toBe(
        ['nav-programmes', 'nav-directory', 'nav-funding', 'nav-safety', 'nav-privacy', 'nav-data', 'nav-about'].includes(testid),
      );
    }
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByText('Naar de inhoud').getAttribute('href')).toBe('#main');
    // Aandacht nodig comes first; Deelnemers sits between Vrijwilligers and Uren invoeren; then
    // Rapportages and Samenwerken, and under Beheer Projecten, Sociale kaart, Gemeenten en
    // subsidies, Veiligheid, Privacy, Gegevens, Landelijk overzicht and Over Draagkracht.
    const order = Array.from(screen.getByRole('navigation').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(order).toEqual([
      'nav-attention',
      'nav-overview',
      'nav-volunteers',
      'nav-participants',
      'nav-hours',
      'nav-reports',
      'nav-sharing',
      'nav-programmes',
      'nav-directory',
      'nav-funding',
      'nav-safety',
      'nav-privacy',
      'nav-data',
      'nav-national',
      'nav-about',
    ]);
    const manage = Array.from(screen.getByTestId('nav-manage-list').querySelectorAll('a')).map((a) => a.dataset.testid);
    expect(manage).toEqual(['nav-programmes', 'nav-directory', 'nav-funding', 'nav-safety', 'nav-privacy', 'nav-data', 'nav-national', 'nav-about']);
  });

  it('moves the focus to the heading of each new screen', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'participants' });
    render(App);
    await screen.findAllByTestId('participant-row');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Deelnemers'));

    await userEvent.click(screen.getAllByTestId('participant-row')[0]!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('participant-title')));
    expect(screen.getByTestId('nav-participants').getAttribute('aria-current')).toBe('page');

    await userEvent.click(screen.getByRole('link', { name: 'Thuisadministratie' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('match-title')));
  });

  it('opens a signal from the attention list with the focus on its title, within Aandacht nodig', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'attention' });
    render(App);
    const rows = await screen.findAllByTestId('attention-row');
    expect(screen.getByTestId('nav-attention').getAttribute('aria-current')).toBe('page');

    // The second row: Anna in "Deze week spreken", her hours.
    await userEvent.click(rows[1]!.querySelector('th')!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('signal-title')));
    expect(location.hash).toBe('#/signals/s-hours');
    expect(screen.getByTestId('nav-attention').getAttribute('aria-current')).toBe('page');

    await userEvent.click(screen.getByTestId('signal-volunteer-link'));
    await waitFor(() => expect(screen.getByTestId('volunteer-title').textContent).toBe('Anna de Vries'));
    expect(screen.getByTestId('nav-volunteers').getAttribute('aria-current')).toBe('page');
    await userEvent.click(await screen.findByRole('link', { name: 'Meer uren dan afgesproken' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('signal-title')));
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
    ['attention list', { name: 'attention' }, 'attention-row'],
    ['signal page', { name: 'signal', id: 's-hours' }, 'signal-chart'],
    ['signal page of a case', { name: 'signal', id: 's-case' }, 'signal-matches'],
    ['overview', { name: 'overview' }, 'overview-table'],
    ['overview with the years', { name: 'overview' }, 'branch-trend-table'],
    ['volunteer list', { name: 'volunteers' }, 'volunteer-row'],
    ['volunteer page', { name: 'volunteer', id: 'v-anna' }, 'volunteer-title'],
    ['volunteer page with the year', { name: 'volunteer', id: 'v-anna' }, 'volunteer-load-chart'],
    ['volunteer form', { name: 'volunteer-edit', id: 'v-anna' }, 'volunteer-save'],
    ['hours', { name: 'hours', volunteerId: null }, 'grid-cell'],
    ['programmes', { name: 'programmes' }, 'programme-row'],
    ['participant list', { name: 'participants' }, 'participant-row'],
    ['participant page', { name: 'participant', id: 'd-017' }, 'participant-match'],
    ['match page', { name: 'match', id: 'm-1' }, 'assess-save'],
    ['match form for a participant', { name: 'match-new', participantId: 'd-017', volunteerId: null }, 'match-save'],
    ['match form for a volunteer', { name: 'match-new', participantId: null, volunteerId: 'v-anna' }, 'match-participant'],
    ['safety', { name: 'safety' }, 'backup-row'],
    ['safety with the second place', { name: 'safety' }, 'backup-location-choose'],
    ['privacy', { name: 'privacy' }, 'audit-row'],
    ['privacy with the review', { name: 'privacy' }, 'review-row'],
    ['data', { name: 'data' }, 'import-choose'],
    ['sharing, not yet', { name: 'sharing' }, 'sharing-name'],
    ['reports', { name: 'reports' }, 'report-table'],
    ['municipalities and subsidies', { name: 'funding' }, 'subsidy-row'],
    ['about', { name: 'about' }, 'licence-row'],
    ['national picture', { name: 'national' }, 'national-server'],
  ];

  for (const [label, route, ready] of screens) {
    it(`${label}: one h1 and no axe violations`, async () => {
      setBackend(fakeBackend({ appStatus: async () => ({ ...(await fakeBackend().appStatus()), demo: true }) }));
      navigate(route);
      render(App);
      await screen.findAllByTestId(ready);
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(await axeViolations()).toEqual([]);
      // Every data table scrolls sideways in a frame of its own, never the page.
      const unframed = Array.from(document.querySelectorAll('table.table')).filter(
        (table) => !table.parentElement?.classList.contains('table-scroll'),
      );
      expect(unframed.map((table) => table.getAttribute('data-testid') ?? table.className)).toEqual([]);
    });
  }

  it('open forms and the catalogue: no axe violations', async () => {
    setBackend(fakeBackend({ getMatch: async () => ({ ...MATCH_DETAIL, referrals: [] }) }));
    navigate({ name: 'match', id: 'm-1' });
    const { unmount } = render(App);
    await userEvent.click(await screen.findByTestId('zrm-toggle'));
    await screen.findAllByTestId('zrm-score');
    await userEvent.click(screen.getByTestId('end-match'));
    await screen.findByTestId('end-save');
    expect(await axeViolations()).toEqual([]);
    unmount();

    navigate({ name: 'programmes' });
    render(App);
    for (const toggle of await screen.findAllByTestId('activities-toggle')) await userEvent.click(toggle);
    await userEvent.click(screen.getAllByTestId('new-activity')[0]!);
    await screen.findAllByTestId('activity-row');
    expect(await axeViolations()).toEqual([]);
  });

  it('municipalities and subsidies with the forms, a refusal and a question open: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'funding' });
    render(App);
    await screen.findAllByTestId('subsidy-row');
    await userEvent.type(screen.getByTestId('municipality-name'), 'Zeist{Enter}');
    await screen.findByTestId('municipality-error-name');
    await userEvent.click(screen.getAllByTestId('rename-municipality')[0]!);
    await screen.findByTestId('municipality-rename-name');
    await userEvent.click(screen.getByTestId('new-subsidy'));
    await userEvent.click(screen.getByTestId('subsidy-save'));
    await screen.findByTestId('subsidy-error-programmes');
    expect(await axeViolations()).toEqual([]);
    await userEvent.click(screen.getAllByTestId('remove-municipality')[1]!);
    await userEvent.click(screen.getByTestId('municipality-remove-confirm'));
    await screen.findByTestId('municipality-remove-failure');
    await userEvent.click(screen.getAllByTestId('remove-subsidy')[0]!);
    await screen.findByTestId('subsidy-remove-panel');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('the empty attention list and the signal forms: no axe violations', async () => {
    setBackend(fakeBackend({ attentionList: async () => overviewOf([]) }));
    navigate({ name: 'attention' });
    const { unmount } = render(App);
    await screen.findByTestId('attention-empty');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
    unmount();

    setBackend(fakeBackend());
    navigate({ name: 'signal', id: 's-hours' });
    const second = render(App);
    await userEvent.click(await screen.findByTestId('signal-resolve'));
    await userEvent.click(screen.getByTestId('resolution-save'));
    await screen.findByTestId('resolve-error-resolution');
    expect(await axeViolations()).toEqual([]);
    await userEvent.click(screen.getByTestId('resolve-cancel'));
    await userEvent.click(screen.getByTestId('signal-snooze'));
    await screen.findByTestId('snooze-save');
    expect(await axeViolations()).toEqual([]);
    await userEvent.type(screen.getByTestId('snooze-date'), '10-12-2025{Enter}');
    await screen.findByTestId('back-to-attention');
    expect(await axeViolations()).toEqual([]);
    second.unmount();
  });

  it('hours with a professional warning and a referral form: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'hours', volunteerId: 'v-anna' });
    render(App);
    const duration = await screen.findByTestId('entry-duration');
    await waitFor(() => expect(document.activeElement).toBe(duration));
    await userEvent.type(screen.getByTestId('entry-match'), 'D-017');
    await screen.findByTestId('entry-match-option');
    // The list open: the picker is part of what axe checks.
    expect(await axeViolations()).toEqual([]);
    await userEvent.keyboard('{Enter}');
    await userEvent.selectOptions(screen.getByTestId('entry-activity'), 'act-bailiff');
    await userEvent.type(duration, '1{Enter}');
    await userEvent.click(await screen.findByTestId('offer-referral'));
    await screen.findByTestId('referral-save');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('the support section with the check-in form and a refusal: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'volunteer', id: 'v-anna' });
    render(App);
    await screen.findByTestId('vog-save');
    expect(await axeViolations()).toEqual([]);
    await userEvent.click(screen.getByTestId('new-check-in'));
    await userEvent.click(screen.getByTestId('check-in-save'));
    await screen.findByTestId('check-in-error-answers');
    await userEvent.click(screen.getByTestId('training-save'));
    await screen.findByTestId('training-error-name');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('thresholds, required training and the branch agreements: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'programmes' });
    render(App);
    for (const toggle of await screen.findAllByTestId('thresholds-toggle')) await userEvent.click(toggle);
    await waitFor(() => expect(screen.getAllByTestId('threshold-row')).toHaveLength(27));
    await screen.findByTestId('support-settings-save');
    await userEvent.click(screen.getAllByTestId('required-training-save')[0]!);
    await screen.findByTestId('required-training-remove');
    await userEvent.type(screen.getAllByTestId('threshold-value')[0]!, 'x');
    await userEvent.click(screen.getAllByTestId('threshold-save')[0]!);
    await screen.findByTestId('threshold-error');
    expect(await axeViolations()).toEqual([]);
  });

  it('the privacy screen with its refusals and the confirmation open: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'privacy' });
    render(App);
    await screen.findAllByTestId('review-row');
    const years = screen.getAllByTestId('retention-years')[0]!;
    await userEvent.clear(years);
    await userEvent.type(years, 'veel{Enter}');
    await screen.findByTestId('retention-error');
    const name = screen.getByTestId('coordinator-name');
    await userEvent.type(name, `${'x'.repeat(101)}{Enter}`);
    await screen.findByTestId('coordinator-error');
    // Nothing ticked: the button is off, with its hint beside it.
    await screen.findByTestId('review-pick-first');
    expect(await axeViolations()).toEqual([]);
    await userEvent.click(screen.getByTestId('review-all'));
    await userEvent.click(screen.getByTestId('review-anonymise'));
    await screen.findByTestId('review-yes');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('privacy on a person: the export notice and the erase confirmation with its refusal: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'participant', id: 'd-017' });
    render(App);
    await userEvent.click(await screen.findByTestId('privacy-export'));
    await screen.findByTestId('privacy-exported');
    await userEvent.click(screen.getByTestId('privacy-erase'));
    await userEvent.click(screen.getByTestId('erase-yes'));
    await screen.findByTestId('erase-error-name');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);

    await userEvent.type(screen.getByTestId('erase-name'), 'D-017{Enter}');
    await screen.findByTestId('erasure-report');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('the data screen with a mapping, a dry run with problems and the import-all question: no axe violations', async () => {
    setBackend(fakeBackend({ dryRunImport: async (input) => dryRunFor(input, PROBLEMS) }));
    navigate({ name: 'data' });
    render(App);
    await userEvent.type(await screen.findByTestId('import-path'), `${SPREADSHEET}{Enter}`);
    await screen.findAllByTestId('mapping-row');
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findAllByTestId('problem-row');
    await userEvent.click(screen.getByTestId('export-all'));
    await screen.findByTestId('export-all-done');
    await userEvent.click(screen.getByTestId('import-all'));
    await screen.findByTestId('import-all-yes');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('the data screen refusing a path and importing with its progress: no axe violations', async () => {
    let finish: (outcome: ImportOutcome) => void = () => {};
    setBackend(
      fakeBackend({
        runImport: (_input, onProgress) => {
          onProgress({ done: 3, total: 10 });
          return new Promise((resolve) => (finish = resolve));
        },
      }),
    );
    navigate({ name: 'data' });
    render(App);
    const path = await screen.findByTestId('import-path');
    await userEvent.type(path, '/tmp/brief.docx{Enter}');
    await screen.findByTestId('import-error-path');
    expect(await axeViolations()).toEqual([]);

    await userEvent.clear(path);
    await userEvent.type(path, `${SPREADSHEET}{Enter}`);
    await userEvent.selectOptions(await screen.findByTestId('import-sheet'), 'Uren');
    await waitFor(() => expect(screen.getAllByTestId('mapping-row')).toHaveLength(5));
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await userEvent.click(await screen.findByTestId('import-run'));
    await screen.findByTestId('import-progress');
    expect(await axeViolations()).toEqual([]);
    finish({ added: 1248, existing: 1 });
    await screen.findByTestId('import-done');
    expect(await axeViolations()).toEqual([]);
  });

  it('the reports screen with a refused date, the settings open with a refusal, and a saved report: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'reports' });
    render(App);
    await screen.findAllByTestId('report-table');
    await userEvent.click(screen.getByTestId('report-save'));
    await screen.findByTestId('report-saved');
    await userEvent.click(screen.getByTestId('report-settings-toggle'));
    const rate = await screen.findByTestId('report-hour-rate');
    await userEvent.clear(rate);
    await userEvent.type(rate, 'veel{Enter}');
    await screen.findByTestId('report-settings-error-hourRate');
    expect(await axeViolations()).toEqual([]);

    await userEvent.selectOptions(screen.getByTestId('report-period-kind'), 'custom');
    const to = screen.getByTestId('report-to');
    await userEvent.clear(to);
    await userEvent.type(to, '1-1-2020{Enter}');
    await screen.findByTestId('report-error-to');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('the reports screen while a report is made: no axe violations', async () => {
    setBackend(fakeBackend({ exportReport: () => new Promise(() => {}) }));
    navigate({ name: 'reports' });
    render(App);
    await screen.findAllByTestId('report-table');
    await userEvent.click(screen.getByTestId('report-save'));
    await screen.findByTestId('report-progress');
    expect(await axeViolations()).toEqual([]);
  });

  it('setup screen: no axe violations', async () => {
    setBackend(fakeBackend({ appStatus: async () => ({ ...(await fakeBackend().appStatus()), setUp: false }) }));
    render(App);
    await screen.findByTestId('setup-demo');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });
});

describe('start-up', () => {
  it('asks where the database stands first; open and set up, it opens the app as before', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(App);
    await screen.findByTestId('overview-table');

    expect(backend.databaseAccess).toHaveBeenCalledTimes(1);
    expect(backend.databaseAccess.mock.invocationCallOrder[0]!).toBeLessThan(backend.appStatus.mock.invocationCallOrder[0]!);
    expect(screen.getByTestId('lock')).toBeTruthy();
  });

  it('open but not set up: the demo-or-empty choice, without the passphrase step', async () => {
    setBackend(fakeBackend({ appStatus: async () => ({ ...STATUS, setUp: false }) }));
    render(App);
    await screen.findByTestId('setup-demo');
    expect(screen.queryByTestId('protect-passphrase')).toBeNull();
  });

  const states: [string, Parameters<typeof fakeVault>[0], string][] = [
    ['new: the passphrase step of the first start', { state: 'new', passphrase: null, backups: [] }, 'protect-passphrase'],
    ['locked: the unlock screen', { state: 'locked' }, 'unlock-passphrase'],
    [
      'damaged: the damaged screen',
      {
        state: 'damaged',
        passphrase: null,
        problem: { code: 'damaged', message: 'Kapot.', messageEn: 'Broken.', field: null, reason: null },
      },
      'damaged-restore',
    ],
  ];

  for (const [label, vault, ready] of states) {
    it(`${label}, without asking the app status; one h1 and no axe violations`, async () => {
      const backend = fakeBackend({}, fakeVault(vault));
      setBackend(backend);
      render(App);
      await screen.findByTestId(ready);
      expect(backend.appStatus).not.toHaveBeenCalled();
      expect(screen.queryByRole('navigation')).toBeNull();
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(await axeViolations()).toEqual([]);
    });
  }

  it('unavailable: says why it cannot start, and asks again on retry', async () => {
    const problem = {
      code: 'database_too_new',
      message: 'Deze gegevens zijn gemaakt met een nieuwere versie van Draagkracht.',
      messageEn: 'This data was made with a newer version of Draagkracht.',
      field: null,
      reason: null,
    } as const;
    const vault = fakeVault({ state: 'unavailable', problem });
    const backend = fakeBackend({}, vault);
    setBackend(backend);
    render(App);

    expect((await screen.findByRole('alert')).textContent).toBe(problem.message);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Draagkracht kan niet starten');
    expect(backend.appStatus).not.toHaveBeenCalled();

    vault.state = 'open';
    vault.problem = null;
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByTestId('overview-table');
    expect(backend.databaseAccess).toHaveBeenCalledTimes(2);
  });

  it('the safety screen with its forms open: no axe violations', async () => {
    setBackend(fakeBackend());
    navigate({ name: 'safety' });
    render(App);
    const rows = await screen.findAllByTestId('backup-row');
    await userEvent.click(screen.getByTestId('pp-save'));
    await screen.findByTestId('pp-error-passphrase');
    await userEvent.click(rows[1]!.querySelector('button')!);
    await userEvent.click(screen.getByTestId('restore-yes'));
    await screen.findByTestId('restore-passphrase');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);
  });
});
