// The match form sends the MatchInput the coordinator put together — the participant, programme,
// its goals, ticked volunteers, dates and the home flag — and puts the volunteers active in the
// chosen programme first. Only the goals the programme still offers are offered. Refusals appear
// at their field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import type { VolunteerRow } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend, refusal, ROWS, TODAY } from '../../test/fakeBackend';
import MatchForm from './MatchForm.svelte';

const VOLUNTEERS: VolunteerRow[] = [
  ...ROWS,
  { id: 'v-carla', name: 'Carla Smit', status: 'active', programmeNames: ['Maatje'], minutesLastFourWeeks: 0, lastEntryDate: null },
  { id: 'v-dirk', name: 'Dirk Bos', status: 'stopped', programmeNames: ['Maatje'], minutesLastFourWeeks: 0, lastEntryDate: null },
];

function boxes(): HTMLInputElement[] {
  return screen.getAllByTestId('match-volunteer') as HTMLInputElement[];
}

function box(name: string): HTMLInputElement {
  const found = boxes().find((b) => b.closest('label')?.textContent?.includes(name));
  if (!found) throw new Error(`no checkbox for ${name}`);
  return found;
}

function goalBoxes(): HTMLInputElement[] {
  return screen.queryAllByTestId('match-goal') as HTMLInputElement[];
}

function goalNames(): string[] {
  return goalBoxes().map((b) => b.closest('label')?.textContent?.trim() ?? '');
}

/** What axe finds on the screen; the screen is rendered here without the shell's <main>, so not `region`. */
async function axeViolations(): Promise<string[]> {
  const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
  const result = await axe.run(document.body, { rules, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function names(): string[] {
  return boxes().map((b) => b.closest('label')?.querySelector('.volunteer-name')?.textContent ?? '');
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'match-new', participantId: 'd-017', volunteerId: null });
});

describe('match form', () => {
  it('sends the participant, programme, ticked volunteers, dates and home flag, then opens the match', async () => {
    const backend = fakeBackend({ listVolunteers: async () => VOLUNTEERS });
    setBackend(backend);
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('Nieuwe koppeling voor D-017');
    // The participant is fixed: no choice offered.
    expect(screen.queryByTestId('match-participant')).toBeNull();
    expect((screen.getByTestId('match-start') as HTMLInputElement).value).toBe('26-11-2025');
    // Stopped volunteers are not offered.
    expect(names()).not.toContain('Dirk Bos');

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-buddy');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Weer meedoen in de buurt' }));
    await userEvent.click(box('Carla Smit'));
    await userEvent.click(box('Bram Jansen'));
    await userEvent.type(screen.getByTestId('match-expected-end'), '01-06-2026');
    await userEvent.click(screen.getByTestId('match-home'));
    await userEvent.click(screen.getByTestId('match-save'));

    expect(backend.createMatch).toHaveBeenCalledWith({
      participantId: 'd-017',
      programmeId: 'p-buddy',
      volunteerIds: ['v-carla', 'v-bram'],
      startDate: '26-11-2025',
      expectedEndDate: '01-06-2026',
      oneToOneAtHome: true,
      goalIds: ['goal-neighbourhood'],
    });
    await waitFor(() => expect(route()).toEqual({ name: 'match', id: 'm-new' }));
  });

  it('puts the active volunteers of the chosen programme first, and filters by name', async () => {
    setBackend(fakeBackend({ listVolunteers: async () => VOLUNTEERS }));
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await screen.findByTestId('match-programme');

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-buddy');
    // Bram is in Maatje but resting, so he is not among the first.
    expect(names()).toEqual(['Carla Smit', 'Anna de Vries', 'Bram Jansen']);
    expect(within(screen.getByRole('list', { name: 'Actief in dit project' })).getAllByRole('checkbox')).toHaveLength(1);

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-admin');
    expect(names()[0]).toBe('Anna de Vries');

    await userEvent.click(box('Bram Jansen'));
    await userEvent.type(screen.getByTestId('match-volunteer-filter'), 'anna');
    // A ticked volunteer stays in view whatever the filter says.
    expect(names()).toEqual(['Anna de Vries', 'Bram Jansen']);
  });

  it('offers the goals the chosen programme still offers, afresh for another programme, and sends the ticked ones', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await screen.findByTestId('match-programme');
    // No programme, no goals.
    expect(screen.queryByTestId('match-goals')).toBeNull();

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-admin');
    await waitFor(() => expect(goalBoxes()).toHaveLength(3));
    expect(backend.goals).toHaveBeenCalledWith('p-admin');
    // The retired 'Formulieren zelf invullen' is not offered.
    expect(goalNames()).toEqual(['Administratie op orde', 'Schulden in beeld', 'Zelf de post bijhouden']);
    // A group with its legend, its hint as the description.
    const group = screen.getByRole('group', { name: 'Doelen' });
    expect(group).toBe(screen.getByTestId('match-goals'));
    expect(within(group).getAllByRole('checkbox')).toEqual(goalBoxes());
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Waar werkt deze koppeling naar toe? Bij het einde geef je per doel aan of het bereikt is.',
    );

    // Ticked by keyboard: Tab to the first, Space ticks it.
    screen.getByRole('checkbox', { name: 'Zelf de post bijhouden' }).focus();
    await userEvent.keyboard(' ');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Administratie op orde' }));

    // Another programme: its own goals, none ticked; back again, the ticks are gone too.
    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-buddy');
    await waitFor(() => expect(goalNames()).toEqual(['Minder eenzaam', 'Weer meedoen in de buurt']));
    expect(goalBoxes().some((b) => b.checked)).toBe(false);
    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-admin');
    await waitFor(() => expect(goalNames()).toHaveLength(3));
    expect(goalBoxes().some((b) => b.checked)).toBe(false);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Zelf de post bijhouden' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Administratie op orde' }));
    await userEvent.click(box('Anna de Vries'));
    await userEvent.click(screen.getByTestId('match-save'));

    // In the programme's order, however they were ticked.
    expect(backend.createMatch).toHaveBeenCalledWith(expect.objectContaining({ programmeId: 'p-admin', goalIds: ['goal-papers', 'goal-post'] }));
    await waitFor(() => expect(route()).toEqual({ name: 'match', id: 'm-new' }));
  });

  it('says so when the programme offers no goals, and sends none', async () => {
    const backend = fakeBackend({ goals: async () => [] });
    setBackend(backend);
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await userEvent.selectOptions(await screen.findByTestId('match-programme'), 'p-buddy');

    expect((await screen.findByTestId('match-no-goals')).textContent).toBe(
      'Dit project heeft nog geen doelen. Je voegt ze toe bij Projecten (in het menu Beheer).',
    );
    expect(goalBoxes()).toHaveLength(0);
    await userEvent.click(box('Anna de Vries'));
    await userEvent.click(screen.getByTestId('match-save'));
    expect(backend.createMatch).toHaveBeenCalledWith(expect.objectContaining({ goalIds: [] }));
  });

  it('shows a refusal at the goals, moves the focus there, and forgets it once a goal is ticked', async () => {
    setBackend(
      fakeBackend({
        createMatch: async () => {
          throw refusal({ field: 'goals', reason: 'unknown', message: 'Een van de gekozen doelen hoort niet (meer) bij dit project.' });
        },
      }),
    );
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await userEvent.selectOptions(await screen.findByTestId('match-programme'), 'p-admin');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Schulden in beeld' }));
    await userEvent.click(screen.getByTestId('match-save'));

    const error = await screen.findByTestId('match-error-goals');
    expect(error.textContent).toContain('Een van de gekozen doelen hoort niet (meer) bij dit project.');
    expect(error.closest('fieldset')).toBe(screen.getByTestId('match-goals'));
    expect(screen.getByTestId('match-goals').getAttribute('aria-describedby')).toBe(`mf-goals-help ${error.id}`);
    await waitFor(() => expect(document.activeElement).toBe(goalBoxes()[0]));
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Zelf de post bijhouden' }));
    expect(screen.queryByTestId('match-error-goals')).toBeNull();
    expect(screen.getByTestId('match-goals').getAttribute('aria-describedby')).toBe('mf-goals-help');
  });

  it('hints at the programme maximum for the expected end date', async () => {
    setBackend(fakeBackend());
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await screen.findByTestId('match-programme');
    expect(screen.queryByTestId('match-max-months')).toBeNull();

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-admin');
    expect(screen.getByTestId('match-max-months').textContent).toBe('Dit project duurt meestal hoogstens 12 maanden.');
    const describedBy = screen.getByTestId('match-expected-end').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('hoogstens 12 maanden');
  });

  it('from a volunteer page: that volunteer is ticked, their programme chosen, and the participant is asked', async () => {
    navigate({ name: 'match-new', participantId: null, volunteerId: 'v-anna' });
    const backend = fakeBackend();
    setBackend(backend);
    render(MatchForm, { participantId: null, volunteerId: 'v-anna', today: TODAY });

    const participant = (await screen.findByTestId('match-participant')) as HTMLInputElement;
    expect(participant.value).toBe('');
    expect(box('Anna de Vries').checked).toBe(true);
    expect((screen.getByTestId('match-programme') as HTMLSelectElement).value).toBe('p-admin');

    // Picked by keyboard: Arrow Down offers everyone, typing narrows, Enter chooses and does not save yet.
    participant.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByTestId('match-participant-option').map((o) => o.textContent?.trim())).toEqual(['D-017', 'Fatima', 'D-031']);
    await userEvent.keyboard('fat{Enter}');
    expect(participant.value).toBe('Fatima');
    expect(backend.createMatch).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('match-save'));

    expect(backend.createMatch).toHaveBeenCalledWith(
      expect.objectContaining({ participantId: 'd-020', programmeId: 'p-admin', volunteerIds: ['v-anna'], oneToOneAtHome: false }),
    );
  });

  it('shows a refusal at the volunteers and moves the focus there', async () => {
    setBackend(
      fakeBackend({
        createMatch: async () => {
          throw refusal({ field: 'volunteers', message: 'Kies minstens één vrijwilliger.' });
        },
      }),
    );
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await userEvent.selectOptions(await screen.findByTestId('match-programme'), 'p-admin');
    await userEvent.click(screen.getByTestId('match-save'));

    const error = await screen.findByTestId('match-error-volunteers');
    expect(error.textContent).toContain('Kies minstens één vrijwilliger.');
    expect(error.closest('fieldset')?.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(boxes()[0]));
    expect((screen.getByTestId('match-programme') as HTMLSelectElement).value).toBe('p-admin');
  });

  it('suggests volunteers with room first, each with why, and warns when someone without room is ticked', async () => {
    const backend = fakeBackend({
      listVolunteers: async () => VOLUNTEERS,
      matchRoom: async () => [
        { volunteerId: 'v-carla', volunteerName: 'Carla Smit', hasRoom: true, reason: 'Ruimte: nog geen koppeling, 0 van 16 uur in 4 weken.', reasonEn: 'Room: no match yet, 0 of 16 hours in 4 weeks.' },
        { volunteerId: 'v-bram', volunteerName: 'Bram Jansen', hasRoom: false, reason: 'Geen ruimte: met rust.', reasonEn: 'No room: on a break.' },
      ],
    });
    setBackend(backend);
    render(MatchForm, { participantId: 'd-017', volunteerId: null, today: TODAY });
    await screen.findByTestId('match-programme');
    expect(screen.queryByTestId('match-suggestions')).toBeNull();

    await userEvent.selectOptions(screen.getByTestId('match-programme'), 'p-buddy');
    const suggestions = await screen.findByTestId('match-suggestions');
    expect(backend.matchRoom).toHaveBeenCalledWith('p-buddy');
    expect(within(suggestions).getAllByRole('checkbox')).toHaveLength(1);
    expect(screen.getByRole('list', { name: 'Voorgesteld: met ruimte voor nog een koppeling, de meeste ruimte eerst' })).toBe(suggestions);
    // The reason is the checkbox's description, for a screen reader too.
    expect(box('Carla Smit').getAttribute('aria-describedby')).toBe('mf-room-v-carla');
    expect(document.getElementById('mf-room-v-carla')?.textContent).toBe('Ruimte: nog geen koppeling, 0 van 16 uur in 4 weken.');
    expect(screen.queryByTestId('match-no-room')).toBeNull();

    await userEvent.click(box('Bram Jansen'));
    const warning = screen.getByTestId('match-no-room');
    expect(warning.textContent).toContain('Bram Jansen: Geen ruimte: met rust.');
    expect(warning.textContent).toContain('Je kunt toch koppelen.');
    // Allowed: the match is saved with him.
    await userEvent.click(screen.getByTestId('match-save'));
    expect(backend.createMatch).toHaveBeenCalledWith(expect.objectContaining({ volunteerIds: ['v-bram'] }));

    applyLanguage('en');
    await waitFor(() => expect(screen.getByTestId('match-no-room').textContent).toContain('Bram Jansen: No room: on a break.'));
  });
});
