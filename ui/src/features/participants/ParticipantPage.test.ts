// The participant page: details, matches (each leading to its match page), the assessment
// history, editing in place and starting a new match.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend, PARTICIPANT, PARTICIPANT_DETAIL, refusal } from '../../test/fakeBackend';
import ParticipantPage from './ParticipantPage.svelte';

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'participant', id: 'd-017' });
});

describe('participant page', () => {
  it('shows the details, the matches with level and the assessments newest first', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });

    expect((await screen.findByTestId('participant-title')).textContent).toBe('D-017');
    expect(backend.getParticipant).toHaveBeenCalledWith('d-017');
    expect(screen.getByTestId('participant-consent-date').textContent).toBe('15-01-2025');
    expect(screen.getByTestId('participant-consent-by-value').textContent).toBe('Marieke');
    expect(screen.getByTestId('participant-consent-scope-value').textContent).toBe('gegevens voor de koppeling');

    const match = screen.getAllByTestId('participant-match');
    expect(match).toHaveLength(1);
    expect(match[0]!.textContent).toContain('Thuisadministratie');
    expect(match[0]!.textContent).toContain('Anna de Vries');
    expect(match[0]!.textContent).toContain('actief');
    expect(match[0]!.textContent).toContain('complex');
    expect(match[0]!.querySelector('a')?.getAttribute('href')).toBe('#/matches/m-1');

    const assessments = screen.getAllByTestId('participant-assessment').map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(assessments).toEqual([
      ['10-11-2025', 'Thuisadministratie', 'complex', '3', '0'],
      ['01-02-2025', 'Thuisadministratie', 'normaal', '1', '0'],
    ]);
  });

  it('shows where the participant lives, and changes it in the form', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });
    expect((await screen.findByTestId('participant-municipality-value')).textContent).toBe('Zeist');

    await userEvent.click(screen.getByTestId('edit-participant'));
    const municipality = (await screen.findByTestId('participant-municipality')) as HTMLSelectElement;
    await waitFor(() => expect(municipality.value).toBe('g-zeist'));
    await userEvent.selectOptions(municipality, 'De Bilt');
    await userEvent.click(screen.getByTestId('participant-save'));

    expect(backend.updateParticipant).toHaveBeenCalledWith('d-017', expect.objectContaining({ label: 'D-017', municipalityId: 'g-bilt' }));
    await waitFor(() => expect(screen.getByTestId('participant-municipality-value').textContent).toBe('De Bilt'));
  });

  it('says "onbekend" when it is not known where the participant lives, and sends none', async () => {
    const backend = fakeBackend({
      getParticipant: async () => ({ ...PARTICIPANT_DETAIL, participant: { ...PARTICIPANT, municipalityId: null, municipalityName: null } }),
    });
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });
    expect((await screen.findByTestId('participant-municipality-value')).textContent).toBe('onbekend');
    await userEvent.click(screen.getByTestId('edit-participant'));
    expect(((await screen.findByTestId('participant-municipality')) as HTMLSelectElement).value).toBe('');
    await userEvent.click(screen.getByTestId('participant-save'));
    expect(backend.updateParticipant).toHaveBeenCalledWith('d-017', expect.objectContaining({ municipalityId: null }));
  });

  it('opens the match form for this participant', async () => {
    setBackend(fakeBackend());
    render(ParticipantPage, { id: 'd-017' });
    await userEvent.click(await screen.findByTestId('new-match'));
    expect(route()).toEqual({ name: 'match-new', participantId: 'd-017', volunteerId: null });
  });

  it('edits the details in place', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });
    await userEvent.click(await screen.findByTestId('edit-participant'));

    const label = screen.getByTestId('participant-label') as HTMLInputElement;
    expect(label.value).toBe('D-017');
    expect((screen.getByTestId('participant-consent') as HTMLInputElement).value).toBe('15-01-2025');
    await userEvent.type(screen.getByTestId('participant-contact'), 'via wijkteam');
    await userEvent.click(screen.getByTestId('participant-save'));

    expect(backend.updateParticipant).toHaveBeenCalledWith('d-017', {
      label: 'D-017',
      municipalityId: 'g-zeist',
      contact: 'via wijkteam',
      consentDate: '15-01-2025',
      consentBy: 'Marieke',
      consentScope: 'gegevens voor de koppeling',
    });
    expect((await screen.findByTestId('participant-saved')).textContent).toContain('D-017');
    await waitFor(() => expect(document.body.textContent).toContain('via wijkteam'));
    expect(screen.queryByTestId('participant-save')).toBeNull();
  });

  it('records who took the consent and what it covers, and shows both with the date', async () => {
    const backend = fakeBackend({
      getParticipant: async () => ({ ...PARTICIPANT_DETAIL, participant: { ...PARTICIPANT, consentBy: null, consentScope: null } }),
    });
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });
    expect((await screen.findByTestId('participant-consent-by-value')).textContent).toBe('niet ingevuld');
    expect(screen.getByTestId('participant-consent-scope-value').textContent).toBe('niet ingevuld');
    await userEvent.click(screen.getByTestId('edit-participant'));

    const by = screen.getByLabelText('Toestemming vastgelegd door (niet verplicht)') as HTMLInputElement;
    const scope = screen.getByLabelText('Toestemming geldt voor (niet verplicht)') as HTMLInputElement;
    expect(by).toBe(screen.getByTestId('participant-consent-by'));
    expect(scope).toBe(screen.getByTestId('participant-consent-scope'));
    expect(by.value).toBe('');
    expect(document.getElementById(scope.getAttribute('aria-describedby') ?? '')?.textContent).toContain('gegevens voor de koppeling');
    await userEvent.type(by, 'Marieke');
    await userEvent.type(scope, 'gegevens voor de koppeling');
    await userEvent.click(screen.getByTestId('participant-save'));

    expect(backend.updateParticipant).toHaveBeenCalledWith('d-017', {
      label: 'D-017',
      municipalityId: 'g-zeist',
      contact: '',
      consentDate: '15-01-2025',
      consentBy: 'Marieke',
      consentScope: 'gegevens voor de koppeling',
    });
    await waitFor(() => expect(screen.getByTestId('participant-consent-by-value').textContent).toBe('Marieke'));
    expect(screen.getByTestId('participant-consent-scope-value').textContent).toBe('gegevens voor de koppeling');
    expect(screen.getByTestId('participant-consent-date').textContent).toBe('15-01-2025');
  });

  it('shows a refusal of the consent scope at its field', async () => {
    const backend = fakeBackend({
      updateParticipant: async () => {
        throw refusal({ field: 'consentScope', reason: 'too_long', message: 'Dit is te lang.', messageEn: 'This is too long.' });
      },
    });
    setBackend(backend);
    render(ParticipantPage, { id: 'd-017' });
    await userEvent.click(await screen.findByTestId('edit-participant'));
    await userEvent.click(screen.getByTestId('participant-save'));

    const error = await screen.findByTestId('participant-error-consentScope');
    expect(error.textContent).toContain('Dit is te lang.');
    const scope = screen.getByTestId('participant-consent-scope');
    expect(scope.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(scope));
  });
});
