// The match form sends the MatchInput the coordinator put together — the participant, programme,
// ticked volunteers, dates and the home flag — and puts the volunteers active in the chosen
// programme first. Refusals appear at their field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
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
