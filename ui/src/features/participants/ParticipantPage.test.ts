// The participant page: details, matches (each leading to its match page), the assessment
// history, editing in place and starting a new match.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend } from '../../test/fakeBackend';
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

    expect(backend.updateParticipant).toHaveBeenCalledWith('d-017', { label: 'D-017', contact: 'via wijkteam', consentDate: '15-01-2025' });
    expect((await screen.findByTestId('participant-saved')).textContent).toContain('D-017');
    await waitFor(() => expect(document.body.textContent).toContain('via wijkteam'));
    expect(screen.queryByTestId('participant-save')).toBeNull();
  });
});
