// The match page: who with whom, how heavy the case is now and over time, its goals with their
// results, a plain notice when a complex or acute case has no professional, and the forms that add
// to its history — assessments (with the level shown live before saving), professionals,
// referrals — and ending the match, with a result for each goal.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import type { Involvement, MatchDetail, Referral } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, MATCH, MATCH_DETAIL, refusal, TODAY } from '../../test/fakeBackend';
import MatchPage from './MatchPage.svelte';

function detail(overrides: Partial<MatchDetail> = {}, match: Partial<MatchDetail['match']> = {}): MatchDetail {
  return { ...structuredClone(MATCH_DETAIL), ...overrides, match: { ...MATCH, ...match } };
}

function checkbox(testid: string, text: string): HTMLInputElement {
  const found = (screen.getAllByTestId(testid) as HTMLInputElement[]).find((b) => b.closest('label')?.textContent?.includes(text));
  if (!found) throw new Error(`no ${testid} for ${text}`);
  return found;
}

/** The goals as the details list them: name and result. */
function goalLines(): string[] {
  return within(screen.getByTestId('match-goals'))
    .getAllByTestId('match-goal')
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/**
 * The end form's choice `result` for the goal `name`: a radio in the group named after the goal
 * (and, while refused, "(nog geen uitkomst)").
 */
function resultChoice(name: string, result: string): HTMLInputElement {
  const group = screen.getByRole('group', { name: (groupName) => groupName === name || groupName.startsWith(`${name} (`) });
  return within(group).getByRole('radio', { name: result }) as HTMLInputElement;
}

/** What axe finds on the screen; the screen is rendered here without the shell's <main>, so not `region`. */
async function axeViolations(): Promise<string[]> {
  const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
  const result = await axe.run(document.body, { rules, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function liveLevel(): string {
  return screen.getByTestId('assess-level').querySelector('.live-level-line')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

const WIJKTEAM: Involvement = {
  id: 'i-1',
  matchId: 'm-1',
  kind: 'wijkteam',
  name: 'Sanne',
  organisation: 'Wijkteam Noord',
  fromDate: '2025-11-12',
  toDate: null,
  active: true,
};

const REFERRAL: Referral = {
  id: 'r-1',
  matchId: 'm-1',
  date: '2025-11-12',
  toKind: 'debt_help',
  toName: null,
  reason: 'Deurwaarder aan de deur',
  outcome: null,
};

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'match', id: 'm-1' });
});

describe('match page', () => {
  it('says who with whom, the level now, and that a complex case has no professional', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });

    expect((await screen.findByTestId('match-title')).textContent?.trim()).toBe('Koppeling: Anna de Vries met D-017 — Thuisadministratie');
    expect(backend.getMatch).toHaveBeenCalledWith('m-1');
    expect(screen.getByTestId('match-level').textContent).toBe('complex');
    expect(screen.getByTestId('match-status').textContent).toContain('actief');
    expect(screen.getByTestId('match-professional').textContent).toBe('nee');
    expect(screen.getByTestId('match-no-professional').textContent).toContain('Deze casus is complex en er is nu geen professional bij betrokken');
  });

  it('lists the goals, still open while the match runs', async () => {
    setBackend(fakeBackend());
    render(MatchPage, { id: 'm-1', today: TODAY });
    const list = await screen.findByTestId('match-goals');
    expect(screen.getByRole('list', { name: 'Doelen' })).toBe(list);
    expect(goalLines()).toEqual(['Administratie op orde: nog open', 'Schulden in beeld: nog open']);
  });

  it('lists the results of an ended match, and says so when a match has no goals', async () => {
    const goals: MatchDetail['goals'] = [
      { id: 'goal-papers', name: 'Administratie op orde', result: 'reached' },
      { id: 'goal-debts', name: 'Schulden in beeld', result: 'partly' },
      { id: 'goal-post', name: 'Zelf de post bijhouden', result: 'not_reached' },
      { id: 'goal-forms', name: 'Formulieren zelf invullen', result: null },
    ];
    const ended = { status: 'ended', endDate: '2025-11-20', endReason: 'Klaar' } as const;
    setBackend(fakeBackend({ getMatch: async () => detail({ goals }, ended) }));
    const { unmount } = render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('match-goals');
    expect(goalLines()).toEqual([
      'Administratie op orde: bereikt',
      'Schulden in beeld: deels bereikt',
      'Zelf de post bijhouden: niet bereikt',
      'Formulieren zelf invullen: geen uitkomst',
    ]);
    expect(screen.getAllByTestId('match-goal').map((li) => li.dataset.result)).toEqual(['reached', 'partly', 'not_reached', 'none']);
    unmount();

    setBackend(fakeBackend({ getMatch: async () => detail({ goals: [] }) }));
    render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('match-no-goals')).textContent).toBe('Geen doelen gekozen');
    expect(screen.queryByTestId('match-goals')).toBeNull();
  });

  it('says who was matched without room, with the reason the app gave', async () => {
    const volunteers = [{ id: 'v-anna', name: 'Anna de Vries', withoutRoom: 'Geen ruimte: VOG verlopen.', withoutRoomEn: 'No room: VOG expired.' }];
    setBackend(fakeBackend({ getMatch: async () => detail({}, { volunteers }) }));
    render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('match-without-room')).textContent).toBe(
      'Anna de Vries is gekoppeld terwijl er geen ruimte was. Geen ruimte: VOG verlopen.',
    );
  });

  it('gives that reason in English when the window is in English', async () => {
    applyLanguage('en');
    const volunteers = [{ id: 'v-anna', name: 'Anna de Vries', withoutRoom: 'Geen ruimte: VOG verlopen.', withoutRoomEn: 'No room: VOG expired.' }];
    setBackend(fakeBackend({ getMatch: async () => detail({}, { volunteers }) }));
    render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('match-without-room')).textContent).toContain('No room: VOG expired.');
    applyLanguage('nl');
  });

  it('says it more urgently for an acute case, and not at all once a professional is involved', async () => {
    setBackend(fakeBackend({ getMatch: async () => detail({}, { level: 'acute' }) }));
    const { unmount } = render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('match-no-professional')).textContent).toContain('Deze casus is acuut');
    unmount();

    setBackend(fakeBackend({ getMatch: async () => detail({ professionals: [WIJKTEAM] }, { professionalInvolved: true }) }));
    render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('match-professional')).textContent).toBe('ja');
    expect(screen.queryByTestId('match-no-professional')).toBeNull();
  });

  it('draws the complexity over time with a text alternative, and lists the assessments newest first', async () => {
    setBackend(fakeBackend());
    render(MatchPage, { id: 'm-1', today: TODAY });

    const chart = await screen.findByTestId('complexity-chart');
    expect(chart.tagName).toBe('FIGURE');
    expect(chart.querySelector('figcaption')?.textContent).toBe('Zwaarte van de casus door de tijd, vanaf 01-02-2025. Nu: complex.');
    const picture = within(chart).getByRole('img');
    expect(picture.getAttribute('aria-label')).toBe('Zwaarte per inschatting: 01-02-2025: normaal; 10-11-2025: complex.');
    // One dot per assessment, on the row of its level.
    expect(chart.querySelectorAll('circle.chart-dot-normal')).toHaveLength(1);
    expect(chart.querySelectorAll('circle.chart-dot-complex')).toHaveLength(1);

    const rows = screen.getAllByTestId('assessment-row');
    expect(rows[0]!.textContent).toContain('10-11-2025');
    expect(rows[0]!.textContent).toContain('Gezondheid, Geldzaken, Wonen');
    expect(rows[1]!.textContent).toContain('01-02-2025');
  });
});

describe('assessment form', () => {
  it('shows the level live before saving, following the rule', async () => {
    setBackend(fakeBackend());
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('assess-save');
    expect(liveLevel()).toBe('Dit maakt de casus: normaal');

    await userEvent.click(checkbox('assess-domain', 'Geldzaken'));
    await userEvent.click(checkbox('assess-domain', 'Wonen'));
    expect(liveLevel()).toBe('Dit maakt de casus: normaal');
    await userEvent.click(checkbox('assess-domain', 'Taal'));
    expect(liveLevel()).toBe('Dit maakt de casus: complex');
    await userEvent.click(screen.getByTestId('assess-solvable'));
    expect(liveLevel()).toBe('Dit maakt de casus: normaal');
    await userEvent.click(checkbox('assess-marker', 'onveilig thuis'));
    expect(liveLevel()).toBe('Dit maakt de casus: acuut');
    expect(screen.getByTestId('assess-level').textContent).toContain('Er is een crisissignaal aangevinkt.');
  });

  it('sends the date, domains, solvable, markers, ZRM and note, then shows the level the backend gave', async () => {
    const backend = fakeBackend({
      assessCase: async (matchId, input) => {
        const next = detail({}, { level: 'acute' });
        next.assessments.unshift({ id: 'a-3', matchId, ...input, date: '2025-11-25', note: input.note, level: 'acute' });
        return next;
      },
    });
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('assess-save');

    const date = screen.getByTestId('assess-date') as HTMLInputElement;
    expect(date.value).toBe('26-11-2025');
    await userEvent.clear(date);
    await userEvent.type(date, '25-11-2025');
    await userEvent.click(checkbox('assess-domain', 'Wonen'));
    await userEvent.click(checkbox('assess-domain', 'Geldzaken'));
    await userEvent.click(checkbox('assess-domain', 'Relaties'));
    await userEvent.click(checkbox('assess-marker', 'Acute schulden'));

    await userEvent.click(screen.getByTestId('zrm-toggle'));
    expect(screen.getByText('Alleen overnemen zoals een professional hem heeft ingevuld.', { exact: false })).toBeTruthy();
    await userEvent.type(screen.getByTestId('zrm-by'), 'Sanne, wijkteam Noord');
    await userEvent.type(screen.getByTestId('zrm-on'), '20-11-2025');
    const scores = screen.getAllByTestId('zrm-score');
    expect(scores).toHaveLength(13);
    expect(screen.getByLabelText('financiën')).toBe(scores[0]);
    expect(screen.getByLabelText('justitie')).toBe(scores[12]);
    for (const [i, score] of scores.entries()) await userEvent.type(score, i === 0 ? '1' : '3');
    await userEvent.type(screen.getByTestId('assess-note'), 'Brief van deurwaarder');
    expect(liveLevel()).toBe('Dit maakt de casus: acuut');
    await userEvent.click(screen.getByTestId('assess-save'));

    expect(backend.assessCase).toHaveBeenCalledWith('m-1', {
      date: '25-11-2025',
      domains: ['relationships', 'money', 'housing'],
      solvableWithinYear: false,
      markers: ['acute_debt'],
      zrm: { scoredBy: 'Sanne, wijkteam Noord', scoredOn: '20-11-2025', scores: [1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
      note: 'Brief van deurwaarder',
    });
    expect((await screen.findByTestId('assess-saved')).textContent).toContain('De casus is nu acuut.');
    expect(screen.getByTestId('match-level').textContent).toBe('acuut');
    expect(screen.getAllByTestId('assessment-row')[0]!.textContent).toContain('25-11-2025');
    // The form is empty again for the next assessment.
    expect(checkbox('assess-domain', 'Wonen').checked).toBe(false);
  });

  it('sends no ZRM when none was filled in', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('assess-save');
    await userEvent.click(checkbox('assess-domain', 'Gezondheid'));
    await userEvent.click(screen.getByTestId('assess-save'));
    expect(backend.assessCase).toHaveBeenCalledWith('m-1', expect.objectContaining({ domains: ['health'], markers: [], zrm: null, note: '' }));
  });

  it('shows a ZRM refusal at the scores, with the ZRM section open', async () => {
    setBackend(
      fakeBackend({
        assessCase: async () => {
          throw refusal({ field: 'zrmScores', message: 'Een ZRM heeft 13 scores van 1 tot en met 5.' });
        },
      }),
    );
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('assess-save');
    await userEvent.click(screen.getByTestId('zrm-toggle'));
    await userEvent.type(screen.getByTestId('zrm-by'), 'Huisarts');
    await userEvent.type(screen.getAllByTestId('zrm-score')[3]!, '7');
    await userEvent.click(screen.getByTestId('zrm-toggle'));
    await userEvent.click(screen.getByTestId('assess-save'));

    const error = await screen.findByTestId('assess-error-zrmScores');
    expect(error.textContent).toContain('13 scores');
    expect((screen.getByTestId('zrm-toggle').closest('details') as HTMLDetailsElement).open).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('zrm-score')[0]));
    expect((screen.getAllByTestId('zrm-score')[3] as HTMLInputElement).value).toBe('7');
  });
});

describe('professionals', () => {
  it('adds a professional, after which the notice is gone', async () => {
    const backend = fakeBackend({
      addProfessional: async () => detail({ professionals: [WIJKTEAM] }, { professionalInvolved: true }),
    });
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('match-no-professional');

    expect(screen.getByTestId('professionals-empty')).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId('professional-kind'), 'wijkteam');
    await userEvent.type(screen.getByTestId('professional-name'), 'Sanne');
    await userEvent.type(screen.getByTestId('professional-org'), 'Wijkteam Noord');
    await userEvent.clear(screen.getByTestId('professional-from'));
    await userEvent.type(screen.getByTestId('professional-from'), '12-11-2025');
    await userEvent.click(screen.getByTestId('professional-save'));

    expect(backend.addProfessional).toHaveBeenCalledWith('m-1', {
      kind: 'wijkteam',
      name: 'Sanne',
      organisation: 'Wijkteam Noord',
      fromDate: '12-11-2025',
      toDate: '',
    });
    const row = await screen.findByTestId('professional-row');
    expect(row.textContent).toContain('Wijkteam');
    expect(row.textContent).toContain('vanaf 12-11-2025');
    expect(screen.queryByTestId('match-no-professional')).toBeNull();
    expect(screen.getByTestId('match-professional').textContent).toBe('ja');
  });

  it('closes an involvement with an end date', async () => {
    const backend = fakeBackend({ getMatch: async () => detail({ professionals: [WIJKTEAM] }, { professionalInvolved: true }) });
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });

    await userEvent.click(await screen.findByTestId('professional-end'));
    const end = screen.getByTestId('professional-end-date') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(end));
    expect(end.value).toBe('26-11-2025');
    await userEvent.click(screen.getByTestId('professional-end-save'));

    expect(backend.updateProfessional).toHaveBeenCalledWith('i-1', {
      kind: 'wijkteam',
      name: 'Sanne',
      organisation: 'Wijkteam Noord',
      fromDate: '12-11-2025',
      toDate: '26-11-2025',
    });
    expect((await screen.findByTestId('professional-row')).textContent).toContain('12-11-2025 t/m 26-11-2025');
  });
});

describe('referrals', () => {
  it('logs a referral for this match', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('referral-save');

    await userEvent.selectOptions(screen.getByTestId('referral-kind'), 'debt_help');
    await userEvent.type(screen.getByTestId('referral-reason'), 'Deurwaarder aan de deur');
    expect(screen.getByTestId('referral-reason-count').textContent?.trim()).toBe('23 / 1.000 tekens');
    expect(screen.getByTestId('referral-outcome').tagName).toBe('TEXTAREA');
    await userEvent.click(screen.getByTestId('referral-save'));

    expect(backend.logReferral).toHaveBeenCalledWith('m-1', {
      date: '26-11-2025',
      toKind: 'debt_help',
      toName: '',
      reason: 'Deurwaarder aan de deur',
      outcome: '',
    });
    expect((await screen.findByTestId('referral-row')).textContent).toContain('Schuldhulpverlening');
    expect(screen.getByTestId('referral-saved').textContent).toContain('naar Schuldhulpverlening is vastgelegd');
  });

  it('offers the sociale kaart’s organisations that fit the kind, and logs the referral with the one chosen', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await screen.findByTestId('referral-save');
    expect(screen.queryByTestId('referral-organisation')).toBeNull();

    await userEvent.selectOptions(screen.getByTestId('referral-kind'), 'debt_help');
    const choice = await screen.findByTestId('referral-organisation');
    expect(backend.organisationsFor).toHaveBeenCalledWith('m-1', 'debt_help');
    expect(Array.from((choice as HTMLSelectElement).options).map((o) => o.textContent)).toEqual(['Kies een organisatie', 'Schuldhulp Noord']);
    await userEvent.selectOptions(choice, 'o-debt');
    expect((screen.getByTestId('referral-name') as HTMLInputElement).value).toBe('Schuldhulp Noord');
    expect(screen.getByTestId('referral-organisation-contact').textContent?.trim()).toBe('Schuldhulp, gratis · 010-1234567 · ma–vr 9–17');
    await userEvent.type(screen.getByTestId('referral-reason'), 'Deurwaarder aan de deur');
    await userEvent.click(screen.getByTestId('referral-save'));
    expect(backend.logReferral).toHaveBeenCalledWith('m-1', expect.objectContaining({ toKind: 'debt_help', toName: 'Schuldhulp Noord' }));
  });

  it('fills in the outcome later', async () => {
    const backend = fakeBackend({ getMatch: async () => detail({ referrals: [REFERRAL] }) });
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    expect((await screen.findByTestId('referral-row')).textContent).toContain('nog niet bekend');

    await userEvent.click(screen.getByTestId('referral-edit-outcome'));
    await userEvent.type(screen.getByTestId('referral-outcome-edit'), 'Aangemeld bij schuldhulp');
    expect(screen.getByTestId('referral-outcome-edit-count').textContent?.trim()).toBe('24 / 1.000 tekens');
    await userEvent.click(screen.getByTestId('referral-outcome-save'));

    expect(backend.updateReferral).toHaveBeenCalledWith('r-1', {
      date: '12-11-2025',
      toKind: 'debt_help',
      toName: '',
      reason: 'Deurwaarder aan de deur',
      outcome: 'Aangemeld bij schuldhulp',
    });
    expect((await screen.findByTestId('referral-row')).textContent).toContain('Aangemeld bij schuldhulp');
  });
});

describe('ending a match', () => {
  it('asks once with what happens, then shows the match as ended without the add forms', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });

    await userEvent.click(await screen.findByTestId('end-match'));
    expect(screen.getByTestId('end-confirm').textContent).toContain('De uren, inschattingen en verwijzingen blijven bewaard.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('end-date')));
    await userEvent.type(screen.getByTestId('end-reason'), 'Doel bereikt');
    expect(screen.getByTestId('end-reason-count').textContent?.trim()).toBe('12 / 500 tekens');
    // Per goal a group named after it, with three choices.
    const groups = screen.getAllByTestId('end-goal');
    expect(groups.map((g) => g.querySelector('legend')?.textContent?.trim())).toEqual(['Administratie op orde', 'Schulden in beeld']);
    expect(within(groups[0]!).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'Bereikt',
      'Deels bereikt',
      'Niet bereikt',
    ]);
    expect(within(groups[1]!).getByTestId('end-goal-partly')).toBe(resultChoice('Schulden in beeld', 'Deels bereikt'));
    await userEvent.click(resultChoice('Administratie op orde', 'Bereikt'));
    // By keyboard: the arrow keys move the choice within a goal.
    await userEvent.click(resultChoice('Schulden in beeld', 'Bereikt'));
    await userEvent.keyboard('{ArrowRight}');
    expect(resultChoice('Schulden in beeld', 'Deels bereikt').checked).toBe(true);
    expect(resultChoice('Administratie op orde', 'Bereikt').checked).toBe(true);
    await userEvent.click(screen.getByTestId('end-save'));

    expect(backend.endMatch).toHaveBeenCalledWith('m-1', {
      endDate: '26-11-2025',
      reason: 'Doel bereikt',
      results: [
        { goalId: 'goal-papers', result: 'reached' },
        { goalId: 'goal-debts', result: 'partly' },
      ],
    });
    expect((await screen.findByTestId('match-saved')).textContent).toBe('De koppeling is gestopt.');
    expect(goalLines()).toEqual(['Administratie op orde: bereikt', 'Schulden in beeld: deels bereikt']);
    expect(screen.getByTestId('match-status').textContent).toContain('gestopt');
    expect(screen.getByTestId('match-end-date').textContent).toBe('26-11-2025');
    expect(screen.queryByTestId('end-match')).toBeNull();
    expect(screen.queryByTestId('assess-save')).toBeNull();
    expect(screen.queryByTestId('professional-save')).toBeNull();
    expect(screen.queryByTestId('referral-save')).toBeNull();
  });

  it('refuses a goal left without a result: the message at the goals, that goal marked and focused', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await userEvent.click(await screen.findByTestId('end-match'));
    await userEvent.type(screen.getByTestId('end-reason'), 'Verhuisd');
    await userEvent.click(resultChoice('Administratie op orde', 'Niet bereikt'));
    await userEvent.click(screen.getByTestId('end-save'));

    expect(backend.endMatch).toHaveBeenCalledWith('m-1', expect.objectContaining({ results: [{ goalId: 'goal-papers', result: 'not_reached' }] }));
    const error = await screen.findByTestId('end-error-goals');
    expect(error.textContent).toContain("Kies voor elk doel of het bereikt is; 'Schulden in beeld' heeft nog geen uitkomst.");
    expect(screen.getByTestId('end-goals').getAttribute('aria-describedby')).toBe(`ef-goals-help ${error.id}`);
    // Only the goal still open is marked, in its legend, so a screen reader hears it with the group.
    const [papers, debts] = screen.getAllByTestId('end-goal');
    expect(papers!.querySelector('legend')?.textContent?.trim()).toBe('Administratie op orde');
    expect(debts!.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Schulden in beeld (nog geen uitkomst)');
    await waitFor(() => expect(document.activeElement).toBe(resultChoice('Schulden in beeld', 'Bereikt')));
    expect(screen.getByTestId('match-status').textContent).toContain('actief');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(resultChoice('Schulden in beeld', 'Bereikt'));
    expect(screen.queryByTestId('end-error-goals')).toBeNull();
    await userEvent.click(screen.getByTestId('end-save'));
    expect((await screen.findByTestId('match-saved')).textContent).toBe('De koppeling is gestopt.');
    expect(goalLines()).toEqual(['Administratie op orde: niet bereikt', 'Schulden in beeld: bereikt']);
  });

  it('asks nothing more for a match without goals', async () => {
    const backend = fakeBackend({ getMatch: async () => detail({ goals: [] }) });
    setBackend(backend);
    render(MatchPage, { id: 'm-1', today: TODAY });
    await userEvent.click(await screen.findByTestId('end-match'));
    expect(screen.queryByTestId('end-goals')).toBeNull();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    await userEvent.type(screen.getByTestId('end-reason'), 'Klaar');
    await userEvent.click(screen.getByTestId('end-save'));
    expect(backend.endMatch).toHaveBeenCalledWith('m-1', { endDate: '26-11-2025', reason: 'Klaar', results: [] });
  });

  it('shows a refusal at the reason until the reason is typed', async () => {
    setBackend(
      fakeBackend({
        endMatch: async () => {
          throw refusal({ field: 'endReason', message: 'Vul in waarom de koppeling stopt.' });
        },
      }),
    );
    render(MatchPage, { id: 'm-1', today: TODAY });
    await userEvent.click(await screen.findByTestId('end-match'));
    await userEvent.click(screen.getByTestId('end-save'));

    const error = await screen.findByTestId('end-error-endReason');
    expect(error.textContent).toContain('Vul in waarom');
    expect(screen.getByTestId('end-reason').getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('end-reason')));

    await userEvent.type(screen.getByTestId('end-date'), '{Backspace}');
    expect(screen.getByTestId('end-error-endReason')).toBeTruthy();
    await userEvent.type(screen.getByTestId('end-reason'), 'D');
    expect(screen.queryByTestId('end-error-endReason')).toBeNull();
    expect(screen.getByTestId('end-reason').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('end-reason').getAttribute('aria-describedby')).toBe('ef-reason-help ef-reason-count');
  });
});
