// The volunteer list asks the backend with the search text and status chosen, and a row opens the
// volunteer page.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend, ROWS } from '../../test/fakeBackend';
import VolunteerList from './VolunteerList.svelte';

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'volunteers' });
});

describe('volunteer list', () => {
  it('shows every volunteer with status, programmes, hours and last entry', async () => {
    setBackend(fakeBackend());
    render(VolunteerList);

    const rows = await screen.findAllByTestId('volunteer-row');
    expect(rows).toHaveLength(2);
    const anna = rows[0]!.textContent ?? '';
    expect(anna).toContain('Anna de Vries');
    expect(anna).toContain('actief');
    expect(anna).toContain('Thuisadministratie');
    expect(anna).toContain('4,5');
    expect(anna).toContain('24-11-2025');
    expect(rows[1]!.textContent).toContain('rust');
    expect(rows[1]!.textContent).toContain('nog geen');
  });

  it('searches as you type, once typing pauses, and filters on status', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(VolunteerList);
    await screen.findAllByTestId('volunteer-row');
    expect(backend.listVolunteers).toHaveBeenLastCalledWith({ search: '', status: null });

    await userEvent.type(screen.getByTestId('volunteer-search'), 'ann');
    await waitFor(() => expect(backend.listVolunteers).toHaveBeenLastCalledWith({ search: 'ann', status: null }));
    // Debounced: not one call per letter.
    expect(backend.listVolunteers.mock.calls.length).toBeLessThan(4);

    await userEvent.selectOptions(screen.getByTestId('status-filter'), 'resting');
    await waitFor(() => expect(backend.listVolunteers).toHaveBeenLastCalledWith({ search: 'ann', status: 'resting' }));

    await userEvent.selectOptions(screen.getByTestId('status-filter'), '');
    await waitFor(() => expect(backend.listVolunteers).toHaveBeenLastCalledWith({ search: 'ann', status: null }));
  });

  it('shows the answer for the latest filter, and says when nothing matches', async () => {
    const backend = fakeBackend({
      listVolunteers: async (filter) => (filter.status === 'stopped' ? [] : ROWS),
    });
    setBackend(backend);
    render(VolunteerList);
    await screen.findAllByTestId('volunteer-row');

    await userEvent.selectOptions(screen.getByTestId('status-filter'), 'stopped');

    expect((await screen.findByTestId('volunteers-empty')).textContent).toContain('Geen vrijwilligers gevonden');
    expect(screen.queryAllByTestId('volunteer-row')).toHaveLength(0);
  });

  it('opens the volunteer page on a click or on Enter', async () => {
    setBackend(fakeBackend());
    render(VolunteerList);
    const rows = await screen.findAllByTestId('volunteer-row');

    await userEvent.click(rows[1]!);
    expect(route()).toEqual({ name: 'volunteer', id: 'v-bram' });

    navigate({ name: 'volunteers' });
    rows[0]!.focus();
    await fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    expect(route()).toEqual({ name: 'volunteer', id: 'v-anna' });
  });

  it('opens the empty form with the new-volunteer button', async () => {
    setBackend(fakeBackend());
    render(VolunteerList);
    await userEvent.click(screen.getByTestId('new-volunteer'));
    expect(route()).toEqual({ name: 'volunteer-new' });
  });
});
