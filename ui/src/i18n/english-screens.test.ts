// Issue 18, item 10, "English as good as Dutch": every screen of the app rendered in English with
// the fake backend, its visible text and what is read aloud or shown in fields (placeholder,
// aria-label, title, alt, the value of a text field) searched for what gives away a Dutch window:
// a Dutch number (`1,5`, `26.495`, `€ 1.250,00`), a percentage or an amount spaced the Dutch way
// (`17 %`, `€ 5.60`; English writes `17%` and `€5.60`, as ui/src/format.ts does), a message key or
// a `{placeholder}` left in the text, or an unmistakably Dutch word (`t/m` too). Each finding names
// the screen, the text and where it stands. The mirror runs every screen in Dutch and looks for
// English numbers (`1.5`, `26,495`, `17%`, `€5.60`) and English words left in.
//
// Left out: text marked as the other language (`lang="nl"`: "Nederlands" among the language
// choices, the preview of a report chosen in Dutch), the sheet names, column headers and sample
// cells of the coordinator's own spreadsheet, and, for the word search only, what the coordinator
// typed in Dutch in the fake data (TYPED_IN_DUTCH): its numbers are still searched.
//
// Every route of routing.svelte.ts (and of the shell, or of App.svelte for a screen shown without
// it) needs at least one visit below: a new route without one fails 'visits every route the app has'.
import { configure, getConfig, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { setBackend, type Backend } from '../api/backend';
import type { Language } from '../api/bindings';
import { loadLicences, type ThirdPartyLicences } from '../features/about/licences';
import { keepSharing } from '../features/sharing/status.svelte';
import { navigate, type Route } from '../routing.svelte';
import routingSource from '../routing.svelte.ts?raw';
import appSource from '../App.svelte?raw';
import shellSource from '../features/shell/Shell.svelte?raw';
import {
  ABOUT,
  MATCH_DETAIL,
  NATIONAL_SERVER,
  REGION_SERVER,
  PROBLEMS,
  SPREADSHEET,
  STATUS,
  USB_FOLDER,
  dryRunFor,
  fakeBackend,
  fakeSharing,
  fakeVault,
  overviewOf,
  refusal,
  sharingBranch,
  type FakeSharing,
  type FakeVault,
} from '../test/fakeBackend';
import { LICENCES } from '../test/fakeLicences';
import { applyLanguage } from './i18n.svelte';
import { en } from './en';
import { nl } from './nl';

/** One screen (or a state of it) as the coordinator sees it. */
type Visit = {
  label: string;
  /** The route shown; `null` for the screens before the app (first start, locked, damaged, …). */
  route: Route | null;
  /** A testid that is there once the screen has loaded. */
  ready: string;
  overrides?: Partial<Backend>;
  vault?: FakeVault;
  sharing?: FakeSharing;
  /** The database is open but not set up yet: the demo-or-empty choice. */
  notSetUp?: true;
  /** The build's list of third-party licences (Over Draagkracht); `null`: the build has none. */
  licences?: ThirdPartyLicences | null;
  /** What the coordinator does before the text is read: open a form, get a refusal, … */
  act?: () => Promise<void>;
};

// Over Draagkracht reads the build's list of third-party licences; each visit says which.
vi.mock('../features/about/licences', () => ({ loadLicences: vi.fn() }));

/** Clicks the first (or `index`th) element with `testid`, once it is there. */
async function click(testid: string, index = 0) {
  await userEvent.click((await screen.findAllByTestId(testid))[index]!);
}

const VISITS: Visit[] = [
  // Aandacht nodig and the signals.
  { label: 'attention list', route: { name: 'attention' }, ready: 'attention-row' },
  { label: 'attention list, empty', route: { name: 'attention' }, ready: 'attention-empty', overrides: { attentionList: async () => overviewOf([]) } },
  { label: 'signal page', route: { name: 'signal', id: 's-hours' }, ready: 'signal-chart' },
  {
    label: 'signal page, resolve form refused',
    route: { name: 'signal', id: 's-hours' },
    ready: 'signal-chart',
    act: async () => {
      await click('signal-resolve');
      await click('resolution-save');
      await screen.findByTestId('resolve-error-resolution');
    },
  },
  {
    label: 'signal page, snooze form',
    route: { name: 'signal', id: 's-hours' },
    ready: 'signal-chart',
    act: async () => {
      await click('signal-snooze');
      await screen.findByTestId('snooze-save');
    },
  },
  { label: 'signal page of a case', route: { name: 'signal', id: 's-case' }, ready: 'signal-matches' },
  // Overzicht.
  { label: 'overview', route: { name: 'overview' }, ready: 'overview-table' },
  { label: 'overview with the years', route: { name: 'overview' }, ready: 'branch-trend-table' },
  // Vrijwilligers.
  { label: 'volunteer list', route: { name: 'volunteers' }, ready: 'volunteer-row' },
  { label: 'volunteer page', route: { name: 'volunteer', id: 'v-anna' }, ready: 'volunteer-load-chart' },
  {
    label: 'volunteer page, support with a check-in and refusals',
    route: { name: 'volunteer', id: 'v-anna' },
    ready: 'vog-save',
    act: async () => {
      await click('new-check-in');
      await click('check-in-save');
      await screen.findByTestId('check-in-error-answers');
      await click('training-save');
      await screen.findByTestId('training-error-name');
    },
  },
  { label: 'new volunteer form', route: { name: 'volunteer-new' }, ready: 'volunteer-save' },
  { label: 'volunteer form', route: { name: 'volunteer-edit', id: 'v-anna' }, ready: 'volunteer-save' },
  // Deelnemers and koppelingen.
  { label: 'participant list', route: { name: 'participants' }, ready: 'participant-row' },
  { label: 'participant page', route: { name: 'participant', id: 'd-017' }, ready: 'participant-match' },
  {
    label: 'participant page, export and erase',
    route: { name: 'participant', id: 'd-017' },
    ready: 'participant-match',
    act: async () => {
      await click('privacy-export');
      await screen.findByTestId('privacy-exported');
      await click('privacy-erase');
      await click('erase-yes');
      await screen.findByTestId('erase-error-name');
    },
  },
  {
    label: 'participant page, editing with the municipality',
    route: { name: 'participant', id: 'd-017' },
    ready: 'participant-match',
    act: async () => {
      await click('edit-participant');
      await screen.findByTestId('participant-municipality');
    },
  },
  {
    label: 'new participant while the branch has no municipalities',
    route: { name: 'participants' },
    ready: 'participant-row',
    overrides: { municipalities: async () => [] },
    act: async () => {
      await click('new-participant');
      await screen.findByTestId('participant-municipality-none');
    },
  },
  { label: 'match page', route: { name: 'match', id: 'm-1' }, ready: 'assess-save' },
  {
    label: 'match page, ZRM and ending',
    route: { name: 'match', id: 'm-1' },
    ready: 'assess-save',
    act: async () => {
      await click('zrm-toggle');
      await screen.findAllByTestId('zrm-score');
      await click('end-match');
      await screen.findByTestId('end-save');
    },
  },
  {
    label: 'match page, ending refused at a goal without a result',
    route: { name: 'match', id: 'm-1' },
    ready: 'match-goals',
    act: async () => {
      await click('end-match');
      await click('end-goal-partly');
      await click('end-save');
      await screen.findByTestId('end-error-goals');
    },
  },
  {
    label: 'match page of an ended match with its results',
    route: { name: 'match', id: 'm-1' },
    ready: 'match-goals',
    overrides: {
      getMatch: async () => ({
        ...structuredClone(MATCH_DETAIL),
        match: { ...MATCH_DETAIL.match, status: 'ended', endDate: '2025-11-20', endReason: null },
        goals: [
          { id: 'goal-papers', name: 'Administratie op orde', result: 'reached' },
          { id: 'goal-debts', name: 'Schulden in beeld', result: 'partly' },
          { id: 'goal-post', name: 'Zelf de post bijhouden', result: 'not_reached' },
          { id: 'goal-forms', name: 'Formulieren zelf invullen', result: null },
        ],
      }),
    },
  },
  { label: 'match page without goals', route: { name: 'match', id: 'm-1' }, ready: 'match-no-goals', overrides: { getMatch: async () => ({ ...structuredClone(MATCH_DETAIL), goals: [] }) } },
  { label: 'match form', route: { name: 'match-new', participantId: null, volunteerId: null }, ready: 'match-save' },
  {
    label: 'match form with the goals of a programme, refused',
    route: { name: 'match-new', participantId: 'd-017', volunteerId: null },
    ready: 'match-save',
    overrides: {
      createMatch: async () => {
        throw refusal({
          field: 'goals',
          reason: 'unknown',
          message: 'Een van de gekozen doelen hoort niet (meer) bij dit project.',
          messageEn: 'One of the chosen goals does not belong to this programme (any more).',
        });
      },
    },
    act: async () => {
      await userEvent.selectOptions(await screen.findByTestId('match-programme'), 'p-admin');
      await click('match-goal');
      await click('match-save');
      await screen.findByTestId('match-error-goals');
    },
  },
  {
    label: 'match form for a programme without goals',
    route: { name: 'match-new', participantId: 'd-017', volunteerId: null },
    ready: 'match-save',
    overrides: { goals: async () => [] },
    act: async () => {
      await userEvent.selectOptions(await screen.findByTestId('match-programme'), 'p-buddy');
      await screen.findByTestId('match-no-goals');
    },
  },
  { label: 'match form for a participant', route: { name: 'match-new', participantId: 'd-017', volunteerId: null }, ready: 'match-save' },
  { label: 'match form for a volunteer', route: { name: 'match-new', participantId: null, volunteerId: 'v-anna' }, ready: 'match-participant' },
  // Uren invoeren.
  { label: 'hours', route: { name: 'hours', volunteerId: null }, ready: 'grid-cell' },
  {
    label: 'hours for a volunteer, a professional task and a referral',
    route: { name: 'hours', volunteerId: 'v-anna' },
    ready: 'entry-duration',
    act: async () => {
      await userEvent.type(screen.getByTestId('entry-match'), 'D-017');
      await screen.findByTestId('entry-match-option');
      await userEvent.keyboard('{Enter}');
      await userEvent.selectOptions(screen.getByTestId('entry-activity'), 'act-bailiff');
      await userEvent.type(screen.getByTestId('entry-duration'), '1{Enter}');
      await click('offer-referral');
      await screen.findByTestId('referral-save');
    },
  },
  // Rapportages, with the preview: a report in the language chosen for it, its sheet marked with it.
  { label: 'reports, an English report', route: { name: 'reports' }, ready: 'report-table' },
  {
    label: 'reports, a Dutch report',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await click('report-language-nl');
      await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Verantwoording vrijwilligerswerk'));
    },
  },
  {
    label: 'reports, an English report for a funder',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await click('report-language-en');
      await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Volunteer work report'));
    },
  },
  {
    label: 'reports, an English internal report',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await click('report-language-en');
      await click('report-audience-internal');
      await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Internal volunteer work report'));
    },
  },
  {
    label: 'reports, internal preview and the settings refused',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await click('report-audience-internal');
      await waitFor(() => expect(screen.getAllByTestId('report-table')).toHaveLength(3));
      await click('report-save');
      await screen.findByTestId('report-saved');
      await click('report-settings-toggle');
      const rate = await screen.findByTestId('report-hour-rate');
      await userEvent.clear(rate);
      await userEvent.type(rate, 'lots{Enter}');
      await screen.findByTestId('report-settings-error-hourRate');
    },
  },
  {
    label: 'reports for the residents of a municipality',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await userEvent.selectOptions(await screen.findByTestId('report-for'), 'municipality');
      await screen.findByTestId('report-municipality');
    },
  },
  {
    label: 'reports for a subsidy',
    route: { name: 'reports' },
    ready: 'report-table',
    act: async () => {
      await userEvent.selectOptions(await screen.findByTestId('report-for'), 'subsidy');
      await screen.findByTestId('report-subsidy-hint');
    },
  },
  { label: 'reports without municipalities or subsidies', route: { name: 'reports' }, ready: 'report-for-none', overrides: { municipalities: async () => [], subsidies: async () => [] } },
  {
    label: 'reports, publishing national figures: to the server, refused, and as a file',
    route: { name: 'reports' },
    ready: 'publish-state',
    act: async () => {
      await click('publish-toggle');
      await click('publish-to-file');
      await screen.findByTestId('publish-done');
      const server = screen.getByTestId('publish-server');
      await userEvent.clear(server);
      await userEvent.type(server, `${NATIONAL_SERVER}{Enter}`);
      await screen.findByTestId('publish-error-server');
    },
  },
  // Landelijk overzicht: the address refused, then connected, every choice open.
  {
    label: 'national picture, the address refused',
    route: { name: 'national' },
    ready: 'national-server',
    act: async () => {
      await userEvent.type(screen.getByTestId('national-server'), 'postgres://landelijk:fout@server.example.nl/draagkracht{Enter}');
      await screen.findByTestId('national-error-server');
    },
  },
  {
    label: 'national picture of every branch, a region and chosen branches',
    route: { name: 'national' },
    ready: 'national-server',
    act: async () => {
      await userEvent.type(screen.getByTestId('national-server'), `${NATIONAL_SERVER}{Enter}`);
      await screen.findByTestId('report-notes-notice');
      await click('national-which-region');
      await screen.findByTestId('national-region');
      await click('national-which-branches');
      await screen.findByTestId('national-branches-missing');
      await click('national-branch', 2);
      await screen.findByTestId('report-notes-notice');
      await click('national-save');
      await screen.findByTestId('national-saved');
    },
  },
  {
    label: "national picture of a region's login, internal, for one municipality",
    route: { name: 'national' },
    ready: 'national-server',
    act: async () => {
      await userEvent.type(screen.getByTestId('national-server'), `${REGION_SERVER}{Enter}`);
      await screen.findAllByTestId('report-table');
      await click('national-audience-internal');
      await userEvent.type(screen.getByTestId('national-municipality'), 'Zwolle{Enter}');
      await waitFor(() => expect(screen.getByTestId('report-scope-shown').textContent).toMatch(/Zwolle/));
    },
  },
  // Samenwerken.
  { label: 'sharing, not yet', route: { name: 'sharing' }, ready: 'sharing-name' },
  { label: 'sharing a branch', route: { name: 'sharing' }, ready: 'sharing-place', sharing: sharingBranch() },
  // Beheer: Projecten, Veiligheid, Privacy, Gegevens.
  { label: 'programmes', route: { name: 'programmes' }, ready: 'programme-row' },
  {
    label: 'programmes with thresholds, activities and the branch agreements',
    route: { name: 'programmes' },
    ready: 'programme-row',
    act: async () => {
      for (const toggle of await screen.findAllByTestId('thresholds-toggle')) await userEvent.click(toggle);
      for (const toggle of await screen.findAllByTestId('activities-toggle')) await userEvent.click(toggle);
      await screen.findAllByTestId('threshold-row');
      await screen.findAllByTestId('activity-row');
      await screen.findByTestId('support-settings-save');
    },
  },
  {
    label: 'programmes with their goals: one retired, one added, a duplicate refused',
    route: { name: 'programmes' },
    ready: 'programme-row',
    act: async () => {
      for (const toggle of await screen.findAllByTestId('goals-toggle')) await userEvent.click(toggle);
      await screen.findAllByTestId('goal-retired');
      await screen.findByTestId('goals-none');
      await click('goal-active');
      await click('goal-save');
      await screen.findByTestId('goal-saved');
      await userEvent.type((await screen.findAllByTestId('new-goal-name'))[1]!, 'Meer bewegen{Enter}');
      await screen.findByTestId('goal-added');
      await userEvent.type((await screen.findAllByTestId('new-goal-name'))[0]!, 'Schulden in beeld{Enter}');
      await screen.findByTestId('new-goal-error-name');
    },
  },
  { label: 'safety', route: { name: 'safety' }, ready: 'backup-row' },
  {
    label: 'safety with its forms open',
    route: { name: 'safety' },
    ready: 'backup-row',
    act: async () => {
      await click('pp-save');
      await screen.findByTestId('pp-error-passphrase');
      const rows = screen.getAllByTestId('backup-row');
      await userEvent.click(rows[1]!.querySelector('button')!);
      await click('restore-yes');
      await screen.findByTestId('restore-passphrase');
    },
  },
  { label: 'privacy', route: { name: 'privacy' }, ready: 'audit-row' },
  {
    label: 'privacy with the review',
    route: { name: 'privacy' },
    ready: 'review-row',
    act: async () => {
      await click('review-all');
      await click('review-anonymise');
      await screen.findByTestId('review-yes');
    },
  },
  { label: 'data', route: { name: 'data' }, ready: 'import-choose' },
  {
    label: 'data with a mapping, a dry run with problems and the import-all question',
    route: { name: 'data' },
    ready: 'import-choose',
    overrides: { dryRunImport: async (input) => dryRunFor(input, PROBLEMS) },
    act: async () => {
      await userEvent.type(screen.getByTestId('import-path'), `${SPREADSHEET}{Enter}`);
      await screen.findAllByTestId('mapping-row');
      await click('import-dry-run');
      await screen.findAllByTestId('problem-row');
      await click('export-all');
      await screen.findByTestId('export-all-done');
      await click('import-all');
      await screen.findByTestId('import-all-yes');
    },
  },
  // The sociale kaart, with its form open.
  {
    label: 'local directory with the form',
    route: { name: 'directory' },
    ready: 'organisation-row',
    act: async () => {
      await click('new-organisation');
      await screen.findByTestId('organisation-form');
    },
  },
  // Gemeenten en subsidies: a municipality refused twice, the subsidy form refused.
  {
    label: 'municipalities and subsidies with refusals',
    route: { name: 'funding' },
    ready: 'subsidy-row',
    act: async () => {
      await userEvent.type(screen.getByTestId('municipality-name'), 'Zeist{Enter}');
      await screen.findByTestId('municipality-error-name');
      await click('remove-municipality', 1);
      await click('municipality-remove-confirm');
      await screen.findByTestId('municipality-remove-failure');
      await click('new-subsidy');
      await click('subsidy-save');
      await screen.findByTestId('subsidy-error-programmes');
    },
  },
  {
    label: 'municipalities and subsidies, changing a subsidy and removing another',
    route: { name: 'funding' },
    ready: 'subsidy-row',
    act: async () => {
      await click('rename-municipality');
      await screen.findByTestId('municipality-rename-name');
      await click('edit-subsidy');
      await screen.findByTestId('subsidy-form');
      await click('remove-subsidy', 1);
      await screen.findByTestId('subsidy-remove-panel');
    },
  },
  {
    label: 'municipalities, subsidies and stories, none yet',
    route: { name: 'funding' },
    ready: 'subsidies-empty',
    overrides: { municipalities: async () => [], subsidies: async () => [], stories: async () => [] },
  },
  // Verhalen voor rapporten: a story that points at a person, refused for reports, its text marked.
  {
    label: 'stories, one refused for reports with what points at a person',
    route: { name: 'funding' },
    ready: 'story-row',
    act: async () => {
      await click('story-in-report');
      await screen.findByTestId('story-choose-failure');
      await screen.findByTestId('story-findings');
    },
  },
  {
    label: 'stories, changing one that points at a person, refused',
    route: { name: 'funding' },
    ready: 'story-row',
    act: async () => {
      await click('edit-story');
      await screen.findByTestId('story-findings-view');
      await userEvent.clear(screen.getByTestId('story-title'));
      await userEvent.clear(screen.getByTestId('story-from'));
      await click('story-save');
      await screen.findByTestId('story-error-from');
    },
  },
  // Over Draagkracht: the version, the folders, the licence and the software of others.
  { label: 'about', route: { name: 'about' }, ready: 'licence-row', act: async () => void (await screen.findByTestId('about-version')) },
  {
    label: 'about with a second place, a search, a licence text and a folder that would not open',
    route: { name: 'about' },
    ready: 'licence-row',
    overrides: {
      about: async () => ({ ...ABOUT, secondBackupFolder: USB_FOLDER }),
      openFolder: async () => {
        throw {
          code: 'storage',
          message: 'De map kon niet worden geopend. Je vindt hem ook zelf.',
          messageEn: 'The folder could not be opened. You can also find it yourself.',
          field: 'path',
          reason: null,
        };
      },
    },
    act: async () => {
      await userEvent.type(screen.getByTestId('licence-filter'), 'apache');
      await click('licence-text-toggle');
      await screen.findByTestId('licence-text');
      await click('about-open-second');
      await screen.findByTestId('about-open-failure');
    },
  },
  {
    label: 'about, nothing found',
    route: { name: 'about' },
    ready: 'licence-row',
    act: async () => {
      await userEvent.type(screen.getByTestId('licence-filter'), 'gpl');
      await screen.findByTestId('licences-none');
    },
  },
  {
    label: 'about without the list of the software of others',
    route: { name: 'about' },
    ready: 'licences-missing',
    licences: null,
    act: async () => void (await screen.findByTestId('about-version')),
  },
  // Before the app: first start, set-up, locked, damaged, cannot start.
  {
    label: 'first start: protect the data',
    route: null,
    ready: 'protect-passphrase',
    vault: fakeVault({ state: 'new', passphrase: null, backups: [] }),
  },
  {
    label: 'first start: restore from a file',
    route: null,
    ready: 'protect-passphrase',
    vault: fakeVault({ state: 'new', passphrase: null, backups: [] }),
    act: async () => {
      await click('protect-restore');
      await screen.findByTestId('restore-file');
    },
  },
  { label: 'first start: demo or empty', route: null, ready: 'setup-demo', notSetUp: true },
  {
    label: 'first start: joining a colleague',
    route: null,
    ready: 'setup-demo',
    notSetUp: true,
    act: async () => {
      await click('setup-join');
      await screen.findByTestId('join');
    },
  },
  { label: 'locked', route: null, ready: 'unlock-passphrase', vault: fakeVault({ state: 'locked' }) },
  {
    label: 'damaged',
    route: null,
    ready: 'damaged-restore',
    vault: fakeVault({
      state: 'damaged',
      passphrase: null,
      problem: { code: 'damaged', message: 'Kapot.', messageEn: 'Broken.', field: null, reason: null },
    }),
  },
  {
    label: 'cannot start',
    route: null,
    ready: 'app-failure',
    vault: fakeVault({
      state: 'unavailable',
      problem: {
        code: 'database_too_new',
        message: 'Deze gegevens zijn gemaakt met een nieuwere versie van Draagkracht.',
        messageEn: 'This data was made with a newer version of Draagkracht.',
        field: null,
        reason: null,
      },
    }),
  },
  { label: 'loading', route: null, ready: 'app-loading', overrides: { databaseAccess: () => new Promise(() => {}) } },
];

/** The attributes a screen reader reads out or the window shows. */
const ATTRIBUTES = ['placeholder', 'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt'];

/** A piece of text and where it was. */
type Piece = { where: string; text: string };

/**
 * Whether `element` speaks the window's language: not inside something marked as another language
 * (`lang="nl"` in an English window), nor inside a part of the coordinator's own file.
 */
function inWindowLanguage(element: Element, language: Language): boolean {
  const marked = element.closest('[lang]');
  if (marked !== null && !(marked.getAttribute('lang') ?? '').startsWith(language)) return false;
  return element.closest(THEIR_FILE) === null;
}

function whereIs(element: Element): string {
  const owner = element.closest('[data-testid]');
  const testid = owner ? `[data-testid=${owner.getAttribute('data-testid')}]` : '';
  return `${testid} <${element.tagName.toLowerCase()}>`;
}

/** Every text in the window's language the coordinator sees or hears on the screen now. */
function piecesOnScreen(language: Language): Piece[] {
  const pieces: Piece[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style') || !inWindowLanguage(parent, language)) continue;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) pieces.push({ where: whereIs(parent), text });
  }
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (!inWindowLanguage(element, language)) continue;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name)?.trim();
      if (value) pieces.push({ where: `${whereIs(element)} ${name}`, text: value });
    }
    const typed =
      element instanceof HTMLTextAreaElement ||
      (element instanceof HTMLInputElement && !['hidden', 'checkbox', 'radio', 'password'].includes(element.type));
    if (typed) {
      const value = (element as HTMLInputElement).value.trim();
      if (value) pieces.push({ where: `${whereIs(element)} value`, text: value });
    }
  }
  return pieces;
}

/**
 * What the coordinator typed in Dutch, as the fake data holds it: an activity, a programme's
 * description, a note, the scope of a consent, a column header of their spreadsheet. It stays as
 * typed in either language, so it is taken out before the search for Dutch words (numbers in it
 * are still searched). Names of people and programmes need no entry: no Dutch word is in them.
 */
const TYPED_IN_DUTCH: string[] = [
  'Post ordenen en archiveren',
  'Hulp bij de thuisadministratie.',
  'Belt liever na 10 uur',
  'gegevens voor de koppeling',
  'Uren per week',
  'om te zeggen dat het goed ging',
  // The branches on the national server, as the national office named them.
  'Afdeling Zwolle',
  'Afdeling Deventer',
  'Afdeling Leiden',
];

/**
 * Where the screen shows the coordinator's own spreadsheet as it is: its sheet names, column
 * headers and sample cells, and the column a problem was found in.
 */
const THEIR_FILE = [
  '[data-testid=import-sheet]',
  '[data-testid=mapping-row] .mapping-header',
  '[data-testid=mapping-samples]',
  '[data-testid=problem-row] > td:first-of-type',
].join(', ');

/** Paths, file names, addresses and e-mail: not words of the window. */
function withoutNames(text: string): string {
  let rest = text;
  for (const typed of TYPED_IN_DUTCH) rest = rest.split(typed).join(' ');
  return rest
    .replace(/\S*[/\\@]\S*/g, ' ')
    .replace(/\S+\.(xlsx|xls|ods|csv|json|pdf|sqlite)\b/gi, ' ');
}

/** Words that only a Dutch text has; none of them is an English word as well. */
const DUTCH_WORDS = [
  'en',
  'het',
  'een',
  'niet',
  'geen',
  'uur',
  'uren',
  'vrijwilliger',
  'vrijwilligers',
  'deelnemer',
  'deelnemers',
  'koppeling',
  'koppelingen',
  'opslaan',
  'bewaren',
  'annuleren',
  'verwijderen',
  'toevoegen',
  'wijzigen',
  'bewerken',
  'afdeling',
  'gegevens',
  'nieuwe',
  'zijn',
  'wordt',
  'worden',
  'deze',
  'welke',
  'kies',
  'terug',
  'maand',
  'jaar',
  'vandaag',
  'nog',
  'ook',
  'maar',
  'naar',
  'bij',
  'voor',
  'wel',
  'dat',
  'wat',
  'je',
  'jouw',
  'klaar',
  'sluiten',
  'zoeken',
  'inlezen',
  'weken',
  'dagen',
];
/** One of `words` on its own, in lower case or with a capital (not `EN`, the language switch's label). */
function wordsIn(words: string[]): RegExp {
  const either = words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|');
  return new RegExp(`(?<![\\p{L}\\d/-])(${either})(?![\\p{L}\\d/-])`, 'u');
}
const DUTCH_WORD = wordsIn(DUTCH_WORDS);

/** Any message key of the dictionaries, on its own: `hours.durationHelp`. */
const KEY = new RegExp(`(?<![\\w.])(${Object.keys(nl).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w.])`);

/**
 * The whole texts of one dictionary that the other never has (`Vergrendelen`, `Lock`): such a text
 * on the screen, word for word, was left in the other language. Texts with a {placeholder} are
 * never shown as they are and are left out.
 */
function onlyIn(own: Record<string, string>, other: Record<string, string>): Set<string> {
  const theirs = new Set(Object.values(other).map((text) => text.trim()));
  return new Set(
    Object.values(own)
      .map((text) => text.trim())
      .filter((text) => !/\{\w+\}/.test(text) && !theirs.has(text)),
  );
}
const ONLY_DUTCH = onlyIn(nl, en);
const ONLY_ENGLISH = onlyIn(en, nl);

/** What is wrong with `text` in an English window, or `null`. */
function problemWith(text: string): string | null {
  // A Dutch thousands dot: 26.495, € 1.250,00 (not 0.125, a decimal).
  if (/(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d])/.test(text)) return 'a Dutch thousands dot';
  // A decimal comma: 1,5, 34,50, 372.519,70, 0,125 (English groups thousands by three: 26,495).
  if (/\d,\d{1,2}(?!\d)|\d,\d{4,}|(?<![\d.,])0,\d/.test(text)) return 'a decimal comma';
  if (/\d[\s\u00a0\u202f]+%/.test(text)) return 'a space before %';
  if (/€[\s\u00a0\u202f]+-?\d/.test(text)) return 'a space after €';
  if (/\{\w+\}/.test(text)) return 'a {placeholder} not filled in';
  if (KEY.test(text)) return 'a message key';
  if (/(?<![\w./@-])[a-z][a-zA-Z]*(?:\.[a-zA-Z]+)*\.[a-z]+[A-Z][a-zA-Z]*(?![\w.])/.test(text)) return 'something like a message key';
  if (/(?<!\S)t\/m(?!\S)/.test(text)) return "the Dutch 't/m'";
  if (ONLY_DUTCH.has(text)) return 'a Dutch text of the dictionary';
  const dutch = withoutNames(text).match(DUTCH_WORD);
  if (dutch) return `the Dutch word '${dutch[1]}'`;
  return null;
}

/**
 * Words an English text has and a Dutch one does not: what a Dutch window shows when a text was
 * left in English.
 */
const ENGLISH_WORD = wordsIn([
  ...['the', 'and', 'with', 'not', 'you', 'your', 'please', 'this', 'that', 'which'],
  ...['hour', 'hours', 'volunteer', 'volunteers', 'participant', 'participants', 'match', 'matches'],
  ...['save', 'cancel', 'choose'],
]);

/** What is wrong with `text` in a Dutch window, or `null`: English numbers and English words. */
function problemInDutch(text: string): string | null {
  // An English decimal point: 1.5, 34.50 (a Dutch thousands group has three digits: 1.250); not
  // the version in a licence's name (EUPL-1.2, Apache-2.0), which is the same in every language.
  if (/(?<![\d.,]|[A-Za-z]-)\d+\.\d{1,2}(?![\d.])/.test(text)) return 'an English decimal point';
  // English thousands: 26,495, €372,519.70.
  if (/(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/.test(text)) return 'English thousands';
  if (/\d%/.test(text)) return 'no space before %';
  if (/€\d/.test(text)) return 'no space after €';
  if (/\{\w+\}/.test(text)) return 'a {placeholder} not filled in';
  if (KEY.test(text)) return 'a message key';
  if (ONLY_ENGLISH.has(text)) return 'an English text of the dictionary';
  const english = withoutNames(text).match(ENGLISH_WORD);
  if (english) return `the English word '${english[1]}'`;
  return null;
}

/** What is wrong on the screen now for a window in `language`, each with its text and place. */
function findings(language: Language): string[] {
  const check = language === 'en' ? problemWith : problemInDutch;
  return piecesOnScreen(language).flatMap(({ where, text }) => {
    const problem = check(text);
    return problem ? [`${problem}: "${text}" at ${where}`] : [];
  });
}

/** Shows `visit` in a window in `language`, done as the visit says. */
async function show(visit: Visit, language: Language) {
  const status = { ...STATUS, language, demo: true, ...(visit.notSetUp ? { setUp: false } : {}) };
  setBackend(fakeBackend({ appStatus: async () => status, ...visit.overrides }, visit.vault ?? fakeVault(), visit.sharing ?? fakeSharing()));
  vi.mocked(loadLicences).mockResolvedValue(visit.licences === undefined ? structuredClone(LICENCES) : visit.licences);
  // The screens before the database is open speak the language the window had.
  applyLanguage(language);
  if (visit.route) navigate(visit.route);
  render(App);
  await screen.findAllByTestId(visit.ready);
  await visit.act?.();
}

// Some visits open a dozen panels one after another: on a busy machine a step may take longer than
// the usual second, which is no finding.
const usualTimeout = getConfig().asyncUtilTimeout;
beforeAll(() => configure({ asyncUtilTimeout: 5000 }));
afterAll(() => configure({ asyncUtilTimeout: usualTimeout }));

/** Time for one visit, its steps included. */
const VISIT_TIMEOUT = 30_000;

beforeEach(() => {
  localStorage.clear();
  keepSharing(null);
});

afterEach(() => {
  applyLanguage('nl');
});

describe('every screen in English', () => {
  for (const visit of VISITS) {
    it(`${visit.label}: no Dutch numbers, keys or words`, async () => {
      await show(visit, 'en');
      expect(findings('en'), visit.label).toEqual([]);
    }, VISIT_TIMEOUT);
  }

  it('leaves out only a report that is Dutch by choice: its sheet is marked as Dutch', async () => {
    await show({ label: 'reports', route: { name: 'reports' }, ready: 'report-table' }, 'en');
    await click('report-language-en');
    await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Volunteer work report'));
    expect(screen.getByTestId('report-sheet').getAttribute('lang')).toBe('en');
    await click('report-language-nl');
    await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe('Verantwoording vrijwilligerswerk'));
    expect(screen.getByTestId('report-sheet').getAttribute('lang')).toBe('nl');
  });

  it('visits every route the app has', () => {
    // The routes as routing.svelte.ts declares them, and as the shell shows them.
    const declared = new Set(Array.from(routingSource.matchAll(/\|\s*\{\s*name:\s*'([\w-]+)'/g), (m) => m[1]));
    const shown = new Set(Array.from(`${shellSource}${appSource}`.matchAll(/current\.name === '([\w-]+)'/g), (m) => m[1]));
    const visited = new Set<string>(VISITS.flatMap((v) => (v.route ? [v.route.name] : [])));
    expect(declared.size).toBeGreaterThan(15);
    expect([...shown].sort()).toEqual([...declared].sort());
    expect([...declared].filter((name) => name !== undefined && !visited.has(name))).toEqual([]);
  });

  it('knows a Dutch number, a spaced percentage, a key and a Dutch word when it sees one', () => {
    const dutchNumbers = ['1,5 hours', '26.495', '€ 372.519,70', '€ 5.60', '0,125', '17 %', '24,5\u00a0%'];
    const leftovers = ['hours.durationHelp', 'report.foo.barBaz', 'Hello {name}', 'Opslaan', 'Wie en wat', '1-1-2024 t/m 31-12-2024', 'Vergrendelen'];
    for (const dutch of [...dutchNumbers, ...leftovers]) {
      expect(problemWith(dutch), dutch).not.toBeNull();
    }
    const english = ['1.5 hours', '26,495', '€372,519.70', '€5.60', '0.125', '17%', '0.0%', '31-12-2025', '16:15', 'Week 48', 'EN'];
    for (const fine of [...english, 'anna@example.nl', '/home/marieke/Documenten/vrijwilligers.xlsx']) {
      expect(problemWith(fine), fine).toBeNull();
    }
  });
});

// The mirror: Dutch windows with an English number or word left in them.
describe('every screen in Dutch', () => {
  for (const visit of VISITS) {
    it(`${visit.label}: no English numbers, keys or words`, async () => {
      await show(visit, 'nl');
      expect(findings('nl'), visit.label).toEqual([]);
    }, VISIT_TIMEOUT);
  }

  it('knows an English number, an unspaced percentage and an English word when it sees one', () => {
    for (const english of ['1.5 uur', '26,495', '€372,519.70', '€ 372,519.70', '17%', 'Save', 'Kies the file', 'Lock', 'min -1.5 uur']) {
      expect(problemInDutch(english), english).not.toBeNull();
    }
    for (const dutch of ['1,5 uur', '26.495', '€ 372.519,70', '0,125', '17\u00a0%', '24,5 %', '31-12-2025', '16:15', 'Week 48', 'onder de EUPL-1.2', 'MIT OR Apache-2.0']) {
      expect(problemInDutch(dutch), dutch).toBeNull();
    }
  });
});
