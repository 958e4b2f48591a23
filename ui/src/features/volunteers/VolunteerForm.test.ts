// The volunteer form: a refusal appears next to the field it names, that field gets the focus,
// and nothing typed is lost. Editing offers only the statuses the backend allows.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { fakeBackend, refusal, TODAY } from '../../test/fakeBackend';
import VolunteerForm from './VolunteerForm.svelte';

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'volunteer-new' });
});

describe('new volunteer', () => {
  it('sends what was typed, with today (Dutch format) as the default start date, and opens the new volunteer', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(VolunteerForm, { id: null, today: TODAY });

    await userEvent.type(await screen.findByTestId('volunteer-name'), 'Carla Smit');
    await userEvent.type(input('volunteer-hours'), '2,5');
    const boxes = screen.getAllByTestId('volunteer-programme') as HTMLInputElement[];
    // The inactive programme is not offered to a new volunteer.
    expect(boxes).toHaveLength(2);
    await userEvent.click(boxes[1]!);
    expect(input('volunteer-start').value).toBe('26-11-2025');
    const statuses = Array.from((screen.getByTestId('volunteer-status') as HTMLSelectElement).options).map((o) => o.value);
    expect(statuses).toEqual(['registered', 'intake', 'active']);
    await userEvent.click(screen.getByTestId('volunteer-save'));

    expect(backend.createVolunteer).toHaveBeenCalledWith({
      name: 'Carla Smit',
      email: '',
      phone: '',
      status: 'active',
      startDate: '26-11-2025',
      agreedHoursPerWeek: '2,5',
      programmeIds: ['p-buddy'],
    });
    await waitFor(() => expect(route()).toEqual({ name: 'volunteer', id: 'v-new' }));
  });

  it('shows a refusal next to its field, moves the focus there and keeps every typed value', async () => {
    const backend = fakeBackend({
      createVolunteer: async () => {
        throw refusal({
          field: 'email',
          message: "'anna@' is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.",
          messageEn: "'anna@' is not an e-mail address.",
        });
      },
    });
    setBackend(backend);
    render(VolunteerForm, { id: null, today: TODAY });

    await userEvent.type(await screen.findByTestId('volunteer-name'), 'Anna');
    await userEvent.type(input('volunteer-email'), 'anna@');
    await userEvent.type(input('volunteer-phone'), '0612345678');
    await userEvent.type(input('volunteer-hours'), '4');
    await userEvent.click(screen.getAllByTestId('volunteer-programme')[0]!);
    await userEvent.click(screen.getByTestId('volunteer-save'));

    const error = await screen.findByTestId('error-email');
    expect(error.textContent).toContain("'anna@' is geen e-mailadres");
    // Next to the e-mail field, and tied to it for screen readers.
    const email = input('volunteer-email');
    expect(error.closest('.field')?.contains(email)).toBe(true);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(screen.queryByTestId('error-name')).toBeNull();

    expect(input('volunteer-name').value).toBe('Anna');
    expect(email.value).toBe('anna@');
    expect(input('volunteer-phone').value).toBe('0612345678');
    expect(input('volunteer-hours').value).toBe('4');
    expect((screen.getAllByTestId('volunteer-programme')[0] as HTMLInputElement).checked).toBe(true);
    expect(route()).toEqual({ name: 'volunteer-new' });
  });

  it('shows the English message in English', async () => {
    applyLanguage('en');
    setBackend(
      fakeBackend({
        createVolunteer: async () => {
          throw refusal({ field: 'name', message: 'Vul de naam in.', messageEn: 'Please fill in the name.' });
        },
      }),
    );
    render(VolunteerForm, { id: null, today: TODAY });
    await userEvent.click(await screen.findByTestId('volunteer-save'));
    expect((await screen.findByTestId('error-name')).textContent).toContain('Please fill in the name.');
  });

  it('moves to the next refusal when the first was fixed', async () => {
    const errors = [
      refusal({ field: 'name', message: 'Vul de naam in.' }),
      refusal({ field: 'agreedHours', message: "'veel' is geen aantal uren." }),
    ];
    setBackend(
      fakeBackend({
        createVolunteer: async () => {
          throw errors.shift();
        },
      }),
    );
    render(VolunteerForm, { id: null, today: TODAY });
    await userEvent.click(await screen.findByTestId('volunteer-save'));
    await screen.findByTestId('error-name');
    await userEvent.click(screen.getByTestId('volunteer-save'));
    expect((await screen.findByTestId('error-agreedHours')).textContent).toContain('geen aantal uren');
    expect(screen.queryByTestId('error-name')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('volunteer-hours')));
  });
});

describe('editing a volunteer', () => {
  it('fills in the stored values, offers only the allowed statuses and saves with the id', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    navigate({ name: 'volunteer-edit', id: 'v-anna' });
    render(VolunteerForm, { id: 'v-anna', today: TODAY });

    await waitFor(() => expect(input('volunteer-name').value).toBe('Anna de Vries'));
    expect(input('volunteer-hours').value).toBe('4');
    expect(input('volunteer-start').value).toBe('01-03-2024');
    const status = screen.getByTestId('volunteer-status') as HTMLSelectElement;
    expect(Array.from(status.options).map((o) => o.value)).toEqual(['active', 'resting', 'stopped']);
    expect(status.value).toBe('active');

    await userEvent.selectOptions(status, 'resting');
    await userEvent.click(screen.getByTestId('volunteer-save'));

    expect(backend.updateVolunteer).toHaveBeenCalledWith(
      'v-anna',
      expect.objectContaining({ name: 'Anna de Vries', status: 'resting', programmeIds: ['p-admin'], agreedHoursPerWeek: '4' }),
    );
    await waitFor(() => expect(route()).toEqual({ name: 'volunteer', id: 'v-anna' }));
  });
});
