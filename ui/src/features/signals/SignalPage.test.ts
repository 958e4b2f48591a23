// The signal page: the rule and the volunteer, how urgent and where it stands, the why, the figures
// against the threshold, the hours per week against the agreement, the entries and matches it rests
// on and its history; and the coordinator's actions, each sent to act_on_signal as the backend wants
// them, with the backend's refusals shown where they belong.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import type { SignalDetail } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { fakeBackend, refusal, SIGNAL, SIGNAL_DETAIL, TODAY } from '../../test/fakeBackend';
import SignalPage from './SignalPage.svelte';

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

function bodyRows(testid: string): string[][] {
  return Array.from(screen.getByTestId(testid).querySelectorAll('tbody tr')).map(cells);
}

function resolutionOption(text: string): HTMLInputElement {
  const found = (screen.getAllByTestId('resolution-option') as HTMLInputElement[]).find((r) => r.closest('label')?.textContent?.trim() === text);
  if (!found) throw new Error(`no resolution option ${text}`);
  return found;
}

function resolved(): SignalDetail {
  const detail = structuredClone(SIGNAL_DETAIL);
  detail.signal = { ...detail.signal, status: 'resolved', closedOn: '2025-11-25', resolution: 'conversation', resolutionNote: 'Minder uren afgesproken.' };
  detail.history.push({ onDate: '2025-11-25', fromStatus: 'open', toStatus: 'resolved', resolution: 'conversation', note: 'Minder uren afgesproken.' });
  return detail;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'signal', id: 's-hours' });
});

describe('signal page', () => {
  it('names the rule and the volunteer, how urgent, where it stands and why', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    expect((await screen.findByTestId('signal-title')).textContent?.trim()).toBe('Meer uren dan afgesproken — Anna de Vries');
    expect(backend.getSignal).toHaveBeenCalledWith('s-hours');
    expect(screen.getByTestId('signal-severity').textContent).toBe('signaal');
    expect(screen.getByTestId('signal-status').textContent).toBe('open');
    expect(screen.getByTestId('signal-explanation').textContent).toBe(SIGNAL.explanation);
    expect(screen.getByTestId('signal-volunteer-link').getAttribute('href')).toBe('#/volunteers/v-anna');
    expect(screen.getByRole('link', { name: 'Terug naar Aandacht nodig' }).getAttribute('href')).toBe('#/attention');
  });

  it('shows the figures against the threshold, and the entries it rests on with their level', async () => {
    setBackend(fakeBackend());
    render(SignalPage, { id: 's-hours', today: TODAY });
    await screen.findByTestId('signal-figures');

    expect(bodyRows('signal-figures')).toEqual([['uren in de afgelopen 4 weken', '34,5', '32']]);
    const head = Array.from(screen.getByTestId('signal-figures').querySelectorAll('thead th')).map((th) => th.textContent);
    expect(head).toEqual(['Cijfer', 'Waarde', 'Drempel']);

    const entries = bodyRows('signal-entries');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(['24-11-2025', '2', 'Thuisadministratie', 'Onderhandelen met schuldeisers grijs gebied', 'Belastingaangifte']);
    expect(entries[1]!.slice(0, 4)).toEqual(['20-11-2025', '4,5', 'Thuisadministratie', 'Post ordenen en archiveren vrijwilligerswerk']);
    // An hours rule rests on no match.
    expect(screen.queryByTestId('signal-matches')).toBeNull();
  });

  it('draws one bar per week with the agreement as a dashed line, and gives the numbers as a table', async () => {
    setBackend(fakeBackend());
    render(SignalPage, { id: 's-hours', today: TODAY });
    const chart = await screen.findByTestId('signal-chart');

    expect(chart.tagName).toBe('FIGURE');
    const bars = Array.from(chart.querySelectorAll('rect.chart-bar'));
    expect(bars).toHaveLength(SIGNAL_DETAIL.weeks.length);
    expect(bars.map((b) => Number(b.getAttribute('data-week')))).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48]);
    // Taller bars for more hours; a week of exactly the agreed 4 hours reaches the line.
    const top = (week: number) => Number(chart.querySelector(`rect[data-week="${week}"]`)!.getAttribute('y'));
    const height = (week: number) => Number(chart.querySelector(`rect[data-week="${week}"]`)!.getAttribute('height'));
    expect(height(47)).toBeGreaterThan(height(46));
    expect(height(46)).toBeGreaterThan(height(36));
    const line = within(chart).getByTestId('chart-agreed');
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(top(37));
    expect(line.getAttribute('y1')).toBe(line.getAttribute('y2'));
    expect(chart.querySelector('.chart-agreed-label')?.textContent).toContain('afgesproken');
    // Weeks above the agreement stand out; this week, still running, is drawn apart.
    expect(chart.querySelectorAll('rect.chart-bar-over')).toHaveLength(7);
    expect(chart.querySelector('rect[data-week="48"]')!.classList.contains('chart-bar-current')).toBe(true);
    // Week numbers on the x axis.
    const labels = Array.from(chart.querySelectorAll('text.chart-label')).map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['36', '42', '48']));

    expect(chart.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(chart.querySelector('figcaption')?.textContent).toBe(
      'Gewerkte uren per week (zonder training), van week 36 tot en met week 48. De streepjeslijn is de afspraak: 4 uur per week. De laatste week loopt nog.',
    );
    const table = within(chart).getByTestId('signal-chart-table');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map(cells);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['36', '3', '4']);
    expect(rows[12]).toEqual(['48 (deze week, tot nu toe)', '2', '4']);
  });

  it('leaves the line out when no hours were agreed', async () => {
    setBackend(fakeBackend({ getSignal: async () => ({ ...structuredClone(SIGNAL_DETAIL), agreedMinutesPerWeek: 0 }) }));
    render(SignalPage, { id: 's-hours', today: TODAY });
    const chart = await screen.findByTestId('signal-chart');
    expect(chart.querySelectorAll('rect.chart-bar')).toHaveLength(13);
    expect(within(chart).queryByTestId('chart-agreed')).toBeNull();
    expect(chart.querySelectorAll('rect.chart-bar-over')).toHaveLength(0);
    expect(chart.querySelector('figcaption')?.textContent).toContain('Er is geen aantal uren per week afgesproken.');
  });

  it('shows the history, oldest first', async () => {
    setBackend(fakeBackend({ getSignal: async () => resolved() }));
    render(SignalPage, { id: 's-hours', today: TODAY });
    await screen.findByTestId('signal-history');

    expect(bodyRows('signal-history')).toEqual([
      ['24-11-2025', 'nieuw → naar open', 'Het signaal kwam op', ''],
      ['25-11-2025', 'open → naar afgehandeld', 'Afgehandeld: gesprek gevoerd', 'Minder uren afgesproken.'],
    ]);
  });

  it('lists the matches a case signal is about, leading to the match page with its level', async () => {
    setBackend(fakeBackend());
    render(SignalPage, { id: 's-case', today: TODAY });

    expect((await screen.findByTestId('signal-title')).textContent?.trim()).toBe('Complexe casus zonder professional — Anna de Vries');
    expect(screen.getByTestId('signal-status').textContent).toBe('gezien');
    const [row] = bodyRows('signal-matches');
    expect(row).toEqual(['D-017', 'Thuisadministratie', '01-02-2025', 'complex', 'nee']);
    expect(screen.getByTestId('signal-matches').querySelector('a')?.getAttribute('href')).toBe('#/matches/m-1');
    expect(screen.queryByTestId('signal-figures')).toBeNull();
    expect(screen.queryByTestId('signal-entries')).toBeNull();
    // Seen already: no "Gezien" again, but it can still be dealt with or put off.
    expect(screen.queryByTestId('signal-acknowledge')).toBeNull();
    expect(screen.getByTestId('signal-resolve')).toBeTruthy();
    expect(screen.getByTestId('signal-snooze')).toBeTruthy();
    expect(screen.queryByTestId('signal-reopen')).toBeNull();
  });

  it('shows the explanation, the figures and the words in English', async () => {
    applyLanguage('en');
    setBackend(fakeBackend());
    render(SignalPage, { id: 's-hours', today: TODAY });

    expect((await screen.findByTestId('signal-title')).textContent?.trim()).toBe('More hours than agreed — Anna de Vries');
    expect(screen.getByTestId('signal-explanation').textContent).toBe(SIGNAL.explanationEn);
    expect(screen.getByTestId('signal-severity').textContent).toBe('alert');
    expect(bodyRows('signal-figures')).toEqual([['hours in the last 4 weeks', '34.5', '32']]);
    expect(screen.getByTestId('signal-chart').querySelector('.chart-agreed-label')?.textContent).toContain('agreed');
    expect(screen.getByTestId('signal-acknowledge').textContent).toBe('Seen');
  });

  it('says so when the signal does not exist', async () => {
    setBackend(
      fakeBackend({
        getSignal: async () => {
          throw refusal({ code: 'not_found', message: 'Dit signaal bestaat niet (meer).', field: null, reason: null });
        },
      }),
    );
    render(SignalPage, { id: 's-gone', today: TODAY });
    expect((await screen.findByRole('alert')).textContent).toContain('Dit signaal bestaat niet (meer).');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Signaal');
  });
});

describe('conversation guide', () => {
  it('says why it matters, what to ask, what can be agreed and when a professional should come in', async () => {
    setBackend(fakeBackend());
    render(SignalPage, { id: 's-hours', today: TODAY });
    const guide = await screen.findByTestId('signal-guide');
    expect(within(guide).getByRole('heading', { level: 2 }).textContent).toBe('Zo pak je het op');
    expect(within(guide).getByTestId('guide-why').textContent).toBe(SIGNAL_DETAIL.guide.why);
    expect(within(guide).getAllByRole('listitem').map((li) => li.textContent)).toEqual(SIGNAL_DETAIL.guide.questions);
    expect(within(guide).getByTestId('guide-agree').textContent).toBe(
      'uren afgeschaald, tweede vrijwilliger erbij, rust afgesproken, gesprek gevoerd',
    );
    applyLanguage('en');
    await waitFor(() => expect(within(guide).getByTestId('guide-professional').textContent).toBe(SIGNAL_DETAIL.guide.professionalEn));
    expect(within(guide).getAllByRole('listitem')[0]!.textContent).toBe('How did it become more hours?');
    expect(within(guide).queryByTestId('guide-own')).toBeNull();
    applyLanguage('nl');
  });

  it("says when the guide is in the branch's own words, which an English window shows as written", async () => {
    const own = 'Bij ons bel je eerst de vrijwilliger.';
    const guide = { ...SIGNAL_DETAIL.guide, why: own, whyEn: own, edited: true };
    setBackend(fakeBackend({ getSignal: async () => ({ ...SIGNAL_DETAIL, guide }) }));
    applyLanguage('en');
    render(SignalPage, { id: 's-hours', today: TODAY });
    expect((await screen.findByTestId('guide-own')).textContent).toBe("In your branch's own words, as written there.");
    expect(screen.getByTestId('guide-why').textContent).toBe(own);
    applyLanguage('nl');
  });
});

describe('signal actions', () => {
  it('marks an open signal as seen, then shows the new status and history', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    await userEvent.click(await screen.findByTestId('signal-acknowledge'));

    expect(backend.actOnSignal).toHaveBeenCalledWith('s-hours', { action: 'acknowledge', resolution: null, note: '', date: '' });
    expect((await screen.findByTestId('signal-saved')).textContent).toContain('Je hebt het signaal gezien.');
    expect(screen.getByTestId('signal-status').textContent).toBe('gezien');
    expect(bodyRows('signal-history').at(-1)!.slice(1, 3)).toEqual(['open → naar gezien', 'Gezien']);
    expect(screen.queryByTestId('signal-acknowledge')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('signal-title')));
  });

  it('needs a choice to resolve: the backend refuses, and the refusal shows at the choices', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    await userEvent.click(await screen.findByTestId('signal-resolve'));
    expect(screen.getAllByTestId('resolution-option')).toHaveLength(9);
    expect((screen.getByTestId('resolution-date') as HTMLInputElement).value).toBe('26-11-2025');
    await userEvent.click(screen.getByTestId('resolution-save'));

    expect(backend.actOnSignal).toHaveBeenCalledWith('s-hours', { action: 'resolve', resolution: null, note: '', date: '26-11-2025' });
    const error = await screen.findByTestId('resolve-error-resolution');
    expect(error.textContent).toContain('Kies wat je hebt gedaan.');
    const group = error.closest('fieldset')!;
    expect(group.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('resolution-option')[0]));
    expect(screen.getByTestId('signal-status').textContent).toBe('open');
    expect(screen.queryByTestId('signal-saved')).toBeNull();
  });

  it('resolves with what was done, a note and the day, then offers the way back to the list', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    await userEvent.click(await screen.findByTestId('signal-resolve'));
    // The guide's agreements for hours over the agreement first, then the rest, "anders" last.
    expect(screen.getAllByTestId('resolution-option').map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'uren afgeschaald',
      'tweede vrijwilliger erbij',
      'rust afgesproken',
      'gesprek gevoerd',
      'professional ingeschakeld',
      'taak overgedragen',
      'training afgesproken',
      'koppeling beëindigd',
      'anders',
    ]);
    await userEvent.click(resolutionOption('uren afgeschaald'));
    await userEvent.type(screen.getByTestId('resolution-note'), 'Voortaan 4 uur per week, niet meer.');
    const date = screen.getByTestId('resolution-date');
    await userEvent.clear(date);
    await userEvent.type(date, '25-11-2025');
    await userEvent.click(screen.getByTestId('resolution-save'));

    expect(backend.actOnSignal).toHaveBeenCalledWith('s-hours', {
      action: 'resolve',
      resolution: 'hours_reduced',
      note: 'Voortaan 4 uur per week, niet meer.',
      date: '25-11-2025',
    });
    expect((await screen.findByTestId('signal-saved')).textContent).toContain('Het signaal is afgehandeld: uren afgeschaald.');
    expect(screen.getByTestId('signal-status').textContent).toBe('afgehandeld');
    expect(screen.getByTestId('signal-resolution').textContent).toBe('uren afgeschaald');
    expect(screen.getByTestId('signal-resolution-note').textContent).toBe('Voortaan 4 uur per week, niet meer.');
    expect(screen.getByTestId('back-to-attention').getAttribute('href')).toBe('#/attention');
    expect(screen.getByTestId('signal-reopen')).toBeTruthy();
    expect(screen.queryByTestId('signal-resolve')).toBeNull();
    expect(screen.queryByTestId('resolution-save')).toBeNull();
    expect(bodyRows('signal-history').at(-1)).toEqual([
      '25-11-2025',
      'open → naar afgehandeld',
      'Afgehandeld: uren afgeschaald',
      'Voortaan 4 uur per week, niet meer.',
    ]);
  });

  it('shows a refused date at the date field', async () => {
    setBackend(
      fakeBackend({
        actOnSignal: async () => {
          throw refusal({ field: 'date', reason: 'not_allowed', message: 'Kies een datum tussen 24-11-2025 (toen het signaal kwam) en vandaag.' });
        },
      }),
    );
    render(SignalPage, { id: 's-hours', today: TODAY });
    await userEvent.click(await screen.findByTestId('signal-resolve'));
    await userEvent.click(resolutionOption('gesprek gevoerd'));
    await userEvent.click(screen.getByTestId('resolution-save'));

    expect((await screen.findByTestId('resolve-error-date')).textContent).toContain('Kies een datum tussen 24-11-2025');
    const date = screen.getByTestId('resolution-date');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect(screen.queryByTestId('resolve-error-resolution')).toBeNull();
  });

  it('puts a signal off until a date; without one the backend refuses at the date', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    await userEvent.click(await screen.findByTestId('signal-snooze'));
    const date = screen.getByTestId('snooze-date');
    await waitFor(() => expect(document.activeElement).toBe(date));
    await userEvent.click(screen.getByTestId('snooze-save'));
    expect(backend.actOnSignal).toHaveBeenLastCalledWith('s-hours', { action: 'snooze', resolution: null, note: '', date: '' });
    expect((await screen.findByTestId('snooze-error-date')).textContent).toContain('Vul een datum in.');

    await userEvent.type(date, '10-12-2025');
    await userEvent.type(screen.getByTestId('snooze-note'), 'Na haar vakantie');
    await userEvent.click(screen.getByTestId('snooze-save'));

    expect(backend.actOnSignal).toHaveBeenLastCalledWith('s-hours', { action: 'snooze', resolution: null, note: 'Na haar vakantie', date: '10-12-2025' });
    expect((await screen.findByTestId('signal-saved')).textContent).toContain('Het signaal staat tot 10-12-2025 niet op de lijst.');
    expect(screen.getByTestId('signal-status').textContent).toBe('uitgesteld');
    expect(screen.getByTestId('signal-snoozed-until').textContent).toBe('10-12-2025');
    expect(screen.getByTestId('signal-reopen')).toBeTruthy();
    expect(screen.getByTestId('back-to-attention')).toBeTruthy();
  });

  it('reopens a resolved signal', async () => {
    const backend = fakeBackend({ getSignal: async () => resolved() });
    backend.actOnSignal.mockImplementation(async () => {
      const next = structuredClone(SIGNAL_DETAIL);
      next.history.push({ onDate: TODAY, fromStatus: 'resolved', toStatus: 'open', resolution: null, note: null });
      return next;
    });
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });

    expect((await screen.findByTestId('signal-resolution')).textContent).toBe('gesprek gevoerd');
    expect(screen.getByTestId('signal-resolution-note').textContent).toBe('Minder uren afgesproken.');
    expect(screen.queryByTestId('signal-acknowledge')).toBeNull();
    expect(screen.queryByTestId('signal-resolve')).toBeNull();
    await userEvent.click(screen.getByTestId('signal-reopen'));

    expect(backend.actOnSignal).toHaveBeenCalledWith('s-hours', { action: 'reopen', resolution: null, note: '', date: '' });
    expect((await screen.findByTestId('signal-saved')).textContent).toContain('Het signaal is weer open.');
    expect(screen.getByTestId('signal-status').textContent).toBe('open');
    expect(bodyRows('signal-history').at(-1)!.slice(1, 3)).toEqual(['afgehandeld → naar open', 'Weer open']);
  });

  it('shows a refusal that belongs to no field above the buttons', async () => {
    setBackend(
      fakeBackend({
        actOnSignal: async () => {
          throw refusal({ field: 'status', reason: 'not_allowed', message: 'Dat kan niet met een signaal in deze stand.' });
        },
      }),
    );
    render(SignalPage, { id: 's-hours', today: TODAY });
    await userEvent.click(await screen.findByTestId('signal-acknowledge'));
    expect((await screen.findByTestId('signal-action-error')).textContent).toContain('Dat kan niet met een signaal in deze stand.');
    expect(screen.getByTestId('signal-status').textContent).toBe('open');
  });

  it('closes a form with Annuleren and puts the focus back on its button', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(SignalPage, { id: 's-hours', today: TODAY });
    await userEvent.click(await screen.findByTestId('signal-resolve'));
    await userEvent.click(screen.getByTestId('resolve-cancel'));
    expect(screen.queryByTestId('resolution-save')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('signal-resolve')));
    expect(backend.actOnSignal).not.toHaveBeenCalled();
  });
});
