// The volunteer page shows the details and the totals formatted, the signals about the volunteer,
// and leads on to editing and logging hours.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { DETAIL, fakeBackend, LOAD, MATCH, TODAY, VOLUNTEER_SIGNALS } from '../../test/fakeBackend';
import VolunteerPage from './VolunteerPage.svelte';

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'volunteer', id: 'v-anna' });
});

describe('volunteer page', () => {
  it('says since when someone has stopped', async () => {
    const stopped = { ...DETAIL.volunteer, status: 'stopped' as const, stoppedOn: '2025-03-10' };
    setBackend(fakeBackend({ getVolunteer: async () => ({ ...DETAIL, volunteer: stopped }) }));
    render(VolunteerPage, { id: 'v-anna', today: TODAY });
    expect((await screen.findByTestId('volunteer-stopped-on')).textContent).toBe('sinds 10-03-2025');
  });

  it('shows the details, the totals as hours and the recent entries', async () => {
    const backend = fakeBackend({
      getVolunteer: async () => ({
        ...DETAIL,
        recentEntries: [
          {
            id: 'e-9',
            volunteerId: 'v-anna',
            volunteerName: 'Anna de Vries',
            date: '2025-11-24',
            minutes: 90,
            programmeId: 'p-admin',
            programmeName: 'Thuisadministratie',
            kind: 'training',
            note: 'Cursus toeslagen',
            matchId: null,
            activityId: null,
            activityName: null,
            activityLevel: null,
          },
          {
            id: 'e-8',
            volunteerId: 'v-anna',
            volunteerName: 'Anna de Vries',
            date: '2025-11-20',
            minutes: 60,
            programmeId: 'p-admin',
            programmeName: 'Thuisadministratie',
            kind: 'support',
            note: null,
            matchId: 'm-1',
            activityId: 'act-bailiff',
            activityName: 'Contact met deurwaarder',
            activityLevel: 'professional',
          },
        ],
      }),
    });
    setBackend(backend);
    render(VolunteerPage, { id: 'v-anna', today: TODAY });

    expect((await screen.findByTestId('volunteer-title')).textContent).toBe('Anna de Vries');
    expect(backend.getVolunteer).toHaveBeenCalledWith('v-anna');
    expect(screen.getByTestId('total-4w').textContent).toBe('4,5');
    expect(screen.getByTestId('total-month').textContent).toBe('1,5');
    expect(screen.getByTestId('total-year').textContent).toBe('25');
    expect(screen.getByTestId('total-training').textContent).toBe('2');
    const page = document.body.textContent ?? '';
    expect(page).toContain('anna@example.nl');
    expect(page).toContain('01-03-2024');
    expect(page).toContain('4 uur');
    const recent = screen.getByTestId('recent-entries').textContent ?? '';
    expect(recent).toContain('24-11-2025');
    expect(recent).toContain('Training');
    expect(recent).toContain('Cursus toeslagen');
    // A professional task says so next to the activity.
    expect(recent).toContain('Contact met deurwaarder');
    expect(recent).toContain('professioneel');
  });

  it('lists their matches with participant, programme and level, and starts a match with them', async () => {
    setBackend(
      fakeBackend({
        getVolunteer: async () => ({
          ...DETAIL,
          matches: [MATCH, { ...MATCH, id: 'm-2', participantLabel: 'Fatima', level: 'acute', status: 'ended' }],
        }),
      }),
    );
    render(VolunteerPage, { id: 'v-anna', today: TODAY });

    const table = await screen.findByTestId('volunteer-matches');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => tr.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('D-017');
    expect(rows[0]).toContain('Thuisadministratie');
    expect(rows[0]).toContain('complex');
    expect(rows[1]).toContain('Fatima');
    expect(rows[1]).toContain('acuut');
    expect(rows[1]).toContain('gestopt');
    expect(table.querySelector('a')?.getAttribute('href')).toBe('#/matches/m-1');

    await userEvent.click(screen.getByTestId('new-match-for'));
    expect(route()).toEqual({ name: 'match-new', participantId: null, volunteerId: 'v-anna' });
  });

  it('lists all their signals, newest first, each leading to its signal page', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(VolunteerPage, { id: 'v-anna', today: TODAY });

    const table = await screen.findByTestId('volunteer-signals');
    expect(backend.volunteerSignals).toHaveBeenCalledWith('v-anna');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['24-11-2025', 'Meer uren dan afgesproken', 'signaal', 'open', VOLUNTEER_SIGNALS[0]!.explanation],
      ['10-11-2025', 'Complexe casus zonder professional', 'signaal', 'gezien', VOLUNTEER_SIGNALS[1]!.explanation],
      ['02-10-2025', 'Professionele taak', 'signaal', 'afgehandeld', VOLUNTEER_SIGNALS[2]!.explanation],
    ]);
    expect(Array.from(table.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      '#/signals/s-hours',
      '#/signals/s-case',
      '#/signals/s-old',
    ]);
    // What is done with stays in the list, quieter.
    expect(screen.getAllByTestId('volunteer-signal')[2]!.classList.contains('row-inactive')).toBe(true);
  });

  it('shows the signals in English, and says so when there are none', async () => {
    applyLanguage('en');
    setBackend(fakeBackend({ volunteerSignals: async () => [VOLUNTEER_SIGNALS[2]!] }));
    const { unmount } = render(VolunteerPage, { id: 'v-anna', today: TODAY });
    const row = await screen.findByTestId('volunteer-signal');
    expect(row.textContent).toContain('Professional task');
    expect(row.textContent).toContain('dealt with');
    expect(row.textContent).toContain(VOLUNTEER_SIGNALS[2]!.explanationEn);
    unmount();

    applyLanguage('nl');
    setBackend(fakeBackend({ volunteerSignals: async () => [] }));
    render(VolunteerPage, { id: 'v-anna', today: TODAY });
    expect((await screen.findByTestId('volunteer-signals')).textContent).toBe('Er zijn geen signalen over deze vrijwilliger.');
  });

  it('draws the year as 53 weekly bars against the agreement, with the weight of the matches below', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(VolunteerPage, { id: 'v-anna', today: TODAY });

    const section = await screen.findByTestId('volunteer-load');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Belasting door het jaar');
    const chart = await within(section).findByTestId('volunteer-load-chart');
    expect(backend.volunteerLoad).toHaveBeenCalledWith('v-anna');
    expect(chart.tagName).toBe('FIGURE');

    const bars = Array.from(chart.querySelectorAll('rect.chart-bar'));
    expect(bars).toHaveLength(53);
    expect(bars[0]!.getAttribute('data-week')).toBe('2024-11-25');
    expect(bars[52]!.getAttribute('data-week')).toBe('2025-11-24');
    const top = (i: number) => Number(bars[i]!.getAttribute('y'));
    const height = (i: number) => Number(bars[i]!.getAttribute('height'));
    // Bar 2 is exactly the agreed 4 hours: its top is where the dashed line runs; 6 hours is half again as tall.
    const line = within(chart).getByTestId('chart-agreed');
    expect(line.getAttribute('y1')).toBe(line.getAttribute('y2'));
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(top(2));
    expect(height(4)).toBeCloseTo(height(2) * 1.5);
    expect(height(0)).toBeCloseTo(height(2) / 2);
    expect(chart.querySelector('.chart-agreed-label')?.textContent).toContain('afgesproken');
    expect(chart.querySelector('.chart-agreed-label')?.textContent).toContain('4 uur');
    // Weeks over the agreement stand out; this week, still running, is drawn lighter.
    expect(chart.querySelectorAll('rect.chart-bar-over')).toHaveLength(20);
    expect(bars[52]!.classList.contains('chart-bar-current')).toBe(true);
    expect(chart.querySelectorAll('rect.chart-bar-current')).toHaveLength(1);
    // The weight of the matches as a step line under the bars.
    expect(within(chart).getByTestId('chart-weight').getAttribute('d')).toMatch(/^M 40 /);
    expect(chart.querySelector('.chart-weight-label')?.textContent).toBe('gewicht koppelingen');

    expect(chart.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(chart).getByTestId('volunteer-load-caption').textContent).toBe(
      'Uren per week het afgelopen jaar tegen de afspraak van 4 uur; gewicht van de koppelingen eronder. Een normale koppeling telt 1, een complexe 2 en een acute 3. De laatste week loopt nog.',
    );
    const rows = Array.from(within(chart).getByTestId('volunteer-load-table').querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim()),
    );
    expect(rows).toHaveLength(53);
    expect(rows[0]).toEqual(['48', '2', '4', '0']);
    expect(rows[20]).toEqual(['16', '2', '4', '1']);
    expect(rows[52]).toEqual(['48 (deze week, tot nu toe)', '1', '4', '2']);
  });

  it('leaves the agreement line out of the year when no hours were agreed', async () => {
    setBackend(fakeBackend({ volunteerLoad: async () => ({ ...structuredClone(LOAD), agreedMinutesPerWeek: 0 }) }));
    render(VolunteerPage, { id: 'v-anna', today: TODAY });
    const chart = await screen.findByTestId('volunteer-load-chart');
    expect(chart.querySelectorAll('rect.chart-bar')).toHaveLength(53);
    expect(within(chart).queryByTestId('chart-agreed')).toBeNull();
    expect(chart.querySelectorAll('rect.chart-bar-over')).toHaveLength(0);
    expect(within(chart).getByTestId('volunteer-load-caption').textContent).toContain('Er is geen aantal uren per week afgesproken.');
  });

  it('opens the edit form and the hour entry for this volunteer', async () => {
    setBackend(fakeBackend());
    render(VolunteerPage, { id: 'v-anna', today: TODAY });

    await userEvent.click(await screen.findByTestId('edit-volunteer'));
    expect(route()).toEqual({ name: 'volunteer-edit', id: 'v-anna' });

    await userEvent.click(screen.getByTestId('log-hours-for'));
    expect(route()).toEqual({ name: 'hours', volunteerId: 'v-anna' });
  });

  it('says so when the volunteer no longer exists', async () => {
    setBackend(
      fakeBackend({
        getVolunteer: async () => {
          throw { code: 'not_found', message: 'De vrijwilliger bestaat niet (meer).', messageEn: 'Gone.', field: null, reason: null };
        },
      }),
    );
    render(VolunteerPage, { id: 'v-gone', today: TODAY });
    expect((await screen.findByRole('alert')).textContent).toContain('bestaat niet (meer)');
  });
});
