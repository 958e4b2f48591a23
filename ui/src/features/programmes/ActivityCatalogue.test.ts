// The activity catalogue in Projecten: per programme a list that opens and closes, activities
// edited in place (name, level, active) through update_activity, and added through create_activity.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal } from '../../test/fakeBackend';
import ProgrammesScreen from './ProgrammesScreen.svelte';

async function openCatalogue(programme: string): Promise<HTMLElement> {
  const section = (await screen.findAllByTestId('activity-programme')).find((s) => s.dataset.programme === programme);
  if (!section) throw new Error(`no catalogue for ${programme}`);
  const toggle = within(section).getByTestId('activities-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return section;
}

beforeEach(() => applyLanguage('nl'));

describe('activity catalogue', () => {
  it('lists the activities of a programme with their level, inactive ones included', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openCatalogue('p-admin');

    expect(backend.listActivities).toHaveBeenCalledWith(null);
    expect(within(admin).getByTestId('activities-toggle').textContent).toContain('4 activiteiten');
    const rows = within(admin).getAllByTestId('activity-row');
    expect(rows.map((r) => (within(r).getByTestId('activity-name') as HTMLInputElement).value)).toEqual([
      'Post ordenen en archiveren',
      'Onderhandelen met schuldeisers',
      'Contact met deurwaarder',
      'Kasboek bijhouden',
    ]);
    expect((within(rows[2]!).getByTestId('activity-level') as HTMLSelectElement).value).toBe('professional');
    expect((within(rows[3]!).getByTestId('activity-active') as HTMLInputElement).checked).toBe(false);
    const levels = Array.from((within(rows[0]!).getByTestId('activity-level') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(levels).toEqual(['vrijwilligerswerk', 'grijs gebied', 'professioneel']);
    // Each field says which activity it belongs to.
    expect(screen.getByLabelText('Niveau van Contact met deurwaarder')).toBe(within(rows[2]!).getByTestId('activity-level'));
  });

  it('edits an activity in place and saves it with update_activity', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openCatalogue('p-admin');
    const row = within(admin).getAllByTestId('activity-row')[1]!;

    const name = within(row).getByTestId('activity-name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Onderhandelen met een schuldeiser');
    await userEvent.selectOptions(within(row).getByTestId('activity-level'), 'professional');
    await userEvent.click(within(row).getByTestId('activity-active'));
    await userEvent.click(within(row).getByTestId('activity-save'));

    expect(backend.updateActivity).toHaveBeenCalledWith('act-creditors', {
      programmeId: 'p-admin',
      name: 'Onderhandelen met een schuldeiser',
      level: 'professional',
      active: false,
    });
    expect((await within(row).findByTestId('activity-saved')).textContent).toBe('Opgeslagen');
  });

  it('shows a refusal at the field of that row', async () => {
    setBackend(
      fakeBackend({
        updateActivity: async () => {
          throw refusal({ field: 'name', message: 'Vul de naam in.' });
        },
      }),
    );
    render(ProgrammesScreen);
    const admin = await openCatalogue('p-admin');
    const row = within(admin).getAllByTestId('activity-row')[0]!;
    await userEvent.clear(within(row).getByTestId('activity-name'));
    await userEvent.click(within(row).getByTestId('activity-save'));

    const error = await within(row).findByTestId('activity-error-name');
    expect(error.textContent).toContain('Vul de naam in.');
    expect(within(row).getByTestId('activity-name').getAttribute('aria-describedby')).toBe(error.id);
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByTestId('activity-name')));
  });

  it('adds an activity to a programme', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const buddy = await openCatalogue('p-buddy');

    await userEvent.click(within(buddy).getByTestId('new-activity'));
    const name = within(buddy).getByTestId('new-activity-name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    await userEvent.type(name, 'Meegaan naar een afspraak');
    await userEvent.selectOptions(within(buddy).getByTestId('new-activity-level'), 'grey');
    await userEvent.click(within(buddy).getByTestId('new-activity-save'));

    expect(backend.createActivity).toHaveBeenCalledWith({ programmeId: 'p-buddy', name: 'Meegaan naar een afspraak', level: 'grey', active: true });
    await waitFor(() => expect(within(buddy).getAllByTestId('activity-row')).toHaveLength(3));
    expect(within(buddy).queryByTestId('new-activity-name')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(buddy).getByTestId('new-activity')));
  });
});
