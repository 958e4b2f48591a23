// The participants list asks the backend with the search text, shows each participant's active
// matches and heaviest level, opens a participant, and adds one in a small form whose refusals
// appear at their field.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend, refusal } from '../../test/fakeBackend';
import ParticipantList from './ParticipantList.svelte';

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'participants' });
});

describe('participant list', () => {
  it('shows code or first name, active matches and the heaviest level', async () => {
    setBackend(fakeBackend());
    render(ParticipantList);

    const rows = await screen.findAllByTestId('participant-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.querySelector('th')?.textContent).toBe('D-017');
    expect(rows[0]!.textContent).toContain('complex');
    expect(rows[1]!.textContent).toContain('Fatima');
    expect(rows[1]!.querySelector('.badge-level-acute')?.textContent).toBe('acuut');
    expect(rows[2]!.textContent).toContain('geen actieve koppeling');
    expect(screen.getByTestId('participant-count').textContent).toContain('3 deelnemers');
  });

  it('tells people apart by the programmes and volunteers of their matches, and filters by programme', async () => {
    setBackend(fakeBackend());
    render(ParticipantList);

    const rows = await screen.findAllByTestId('participant-row');
    expect(rows[1]!.querySelector('[data-testid="participant-programmes"]')?.textContent).toBe('Maatje, Thuisadministratie');
    expect(rows[1]!.querySelector('[data-testid="participant-volunteers"]')?.textContent).toBe('Anna de Vries, Bram Jansen');
    // Without an active match: the latest ended one, and since when the participant is known.
    expect(rows[2]!.querySelector('[data-testid="participant-programmes"]')?.textContent?.trim()).toBe('eerder Maatje, tot 30-06-2025');
    expect(rows[2]!.querySelector('[data-testid="participant-registered"]')?.textContent).toBe('10-09-2024');
    const filter = screen.getByTestId('participant-programme') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['Alle projecten', 'Maatje', 'Thuisadministratie']);

    await userEvent.selectOptions(filter, 'p-buddy');

    await waitFor(() =>
      expect(screen.getAllByTestId('participant-row').map((r) => r.querySelector('th')?.textContent)).toEqual(['Fatima']),
    );
    expect(screen.getByTestId('participant-count').textContent).toContain('1 deelnemer');
    await userEvent.selectOptions(filter, '');
    await waitFor(() => expect(screen.getAllByTestId('participant-row')).toHaveLength(3));
  });

  it('searches as you type, once typing pauses', async () => {
    const backend = fakeBackend({ listParticipants: async (search) => (search === 'zzz' ? [] : (await fakeBackend().listParticipants(''))) });
    setBackend(backend);
    render(ParticipantList);
    await screen.findAllByTestId('participant-row');
    expect(backend.listParticipants).toHaveBeenLastCalledWith('');

    await userEvent.type(screen.getByTestId('participant-search'), 'D-0');
    await waitFor(() => expect(backend.listParticipants).toHaveBeenLastCalledWith('D-0'));
    expect(backend.listParticipants.mock.calls.length).toBeLessThan(4);

    await userEvent.clear(screen.getByTestId('participant-search'));
    await userEvent.type(screen.getByTestId('participant-search'), 'zzz{Enter}');
    expect((await screen.findByTestId('participants-empty')).textContent).toContain('Geen deelnemers gevonden');
  });

  it('opens the participant page on a click or on Enter', async () => {
    setBackend(fakeBackend());
    render(ParticipantList);
    const rows = await screen.findAllByTestId('participant-row');

    await userEvent.click(rows[1]!);
    expect(route()).toEqual({ name: 'participant', id: 'd-020' });

    rows[0]!.focus();
    await fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    expect(route()).toEqual({ name: 'participant', id: 'd-017' });
  });

  it('adds a participant with only a code, explains data minimisation, and opens them', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ParticipantList);
    await userEvent.click(await screen.findByTestId('new-participant'));

    const label = input('participant-label');
    await waitFor(() => expect(document.activeElement).toBe(label));
    const help = document.getElementById(label.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe('Gebruik een code of alleen een voornaam. Meer is niet nodig.');
    expect(screen.getByLabelText('Toestemming gegeven op (niet verplicht)')).toBe(input('participant-consent'));

    await userEvent.type(label, 'D-040');
    await userEvent.type(input('participant-consent'), '20-11-2025');
    await userEvent.click(screen.getByTestId('participant-save'));

    expect(backend.createParticipant).toHaveBeenCalledWith({ label: 'D-040', municipalityId: null, contact: '', consentDate: '20-11-2025', consentBy: '', consentScope: '' });
    await waitFor(() => expect(route()).toEqual({ name: 'participant', id: 'd-new' }));
  });

  it('shows a refusal at its field, focuses it and keeps what was typed', async () => {
    const backend = fakeBackend({
      createParticipant: async () => {
        throw refusal({
          field: 'consentDate',
          message: 'De datum van toestemming ligt na vandaag.',
          messageEn: 'The consent date is after today.',
        });
      },
    });
    setBackend(backend);
    render(ParticipantList);
    await userEvent.click(await screen.findByTestId('new-participant'));
    await userEvent.type(input('participant-label'), 'Fatima');
    await userEvent.type(input('participant-consent'), '01-01-2030');
    await userEvent.click(screen.getByTestId('participant-save'));

    const error = await screen.findByTestId('participant-error-consentDate');
    expect(error.textContent).toContain('ligt na vandaag');
    const consent = input('participant-consent');
    expect(error.closest('.field')?.contains(consent)).toBe(true);
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(consent.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(consent));
    expect(input('participant-label').value).toBe('Fatima');
    expect(consent.value).toBe('01-01-2030');
    expect(screen.queryByTestId('participant-error-label')).toBeNull();
    expect(route()).toEqual({ name: 'participants' });
  });

  it('sends the municipality chosen, "onbekend" first among the branch\'s municipalities', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ParticipantList);
    await userEvent.click(await screen.findByTestId('new-participant'));

    const municipality = (await screen.findByTestId('participant-municipality')) as HTMLSelectElement;
    expect(screen.getByLabelText('Gemeente (niet verplicht)')).toBe(municipality);
    expect(Array.from(municipality.options).map((o) => o.textContent)).toEqual(['onbekend', 'De Bilt', 'Zeist']);
    expect(municipality.value).toBe('');
    expect(document.getElementById(municipality.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Waar de deelnemer woont; voor rapporten per gemeente.',
    );
    await userEvent.type(input('participant-label'), 'D-041');
    await userEvent.selectOptions(municipality, 'Zeist');
    await userEvent.click(screen.getByTestId('participant-save'));

    expect(backend.createParticipant).toHaveBeenCalledWith({ label: 'D-041', municipalityId: 'g-zeist', contact: '', consentDate: '', consentBy: '', consentScope: '' });
  });

  it('points to Beheer instead of an empty choice while the branch has no municipalities', async () => {
    const backend = fakeBackend({ municipalities: async () => [] });
    setBackend(backend);
    render(ParticipantList);
    await userEvent.click(await screen.findByTestId('new-participant'));

    const none = await screen.findByTestId('participant-municipality-none');
    expect(none.textContent).toContain('Voeg gemeenten toe onder Beheer → Gemeenten en subsidies.');
    expect(screen.queryByTestId('participant-municipality')).toBeNull();
    await userEvent.type(input('participant-label'), 'D-042');
    await userEvent.click(screen.getByTestId('participant-save'));
    expect(backend.createParticipant).toHaveBeenCalledWith(expect.objectContaining({ label: 'D-042', municipalityId: null }));
  });
});
