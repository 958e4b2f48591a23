// The quick form: Enter saves from any field, the confirmation line says what was saved and can
// undo it, and an identical entry on the same day is only saved after a confirmation.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import type { HourEntryInput } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { entryFor, fakeBackend, PROGRAMMES, refusal, TODAY } from '../../test/fakeBackend';
import QuickEntry from './QuickEntry.svelte';

function field<T extends HTMLElement = HTMLInputElement>(testid: string): T {
  return screen.getByTestId(testid) as T;
}

function props(overrides: Record<string, unknown> = {}) {
  return { today: TODAY, programmes: PROGRAMMES.filter((p) => p.active), preselect: null, version: 0, onsaved: vi.fn(), ...overrides };
}

/** Chooses a volunteer the way the keyboard does: the select's change event. */
async function chooseVolunteer(id: string) {
  await userEvent.selectOptions(field<HTMLSelectElement>('entry-volunteer'), id);
}

beforeEach(() => applyLanguage('nl'));

describe('quick hour entry', () => {
  it('lists volunteers most recently used first and preselects their default programme', async () => {
    setBackend(fakeBackend());
    render(QuickEntry, props());
    // The form appears once the volunteers are known.
    expect(screen.queryByTestId('entry-volunteer')).toBeNull();
    const select = (await screen.findByTestId('entry-volunteer')) as HTMLSelectElement;
    expect(select.options).toHaveLength(3);
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Kies een vrijwilliger', 'Bram Jansen', 'Anna de Vries']);
    await waitFor(() => expect(document.activeElement).toBe(select));

    await chooseVolunteer('v-anna');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-admin');
    await chooseVolunteer('v-bram');
    expect(field<HTMLSelectElement>('entry-programme').value).toBe('p-buddy');
    expect(field('entry-date').value).toBe('26-11-2025');
  });

  it('saves on Enter, confirms what was saved, clears duration and note, and keeps the volunteer', async () => {
    const backend = fakeBackend();
    const onsaved = vi.fn();
    setBackend(backend);
    render(QuickEntry, props({ onsaved }));
    await screen.findByTestId('entry-volunteer');

    await chooseVolunteer('v-anna');
    await userEvent.clear(field('entry-date'));
    await userEvent.type(field('entry-date'), '24-11-2025');
    await userEvent.type(field('entry-duration'), '1,5');
    await userEvent.selectOptions(field<HTMLSelectElement>('entry-kind'), 'meeting');
    await userEvent.type(field('entry-note'), 'Intervisie{Enter}');

    expect(backend.logHours).toHaveBeenCalledTimes(1);
    expect(backend.logHours).toHaveBeenCalledWith({
      volunteerId: 'v-anna',
      date: '24-11-2025',
      duration: '1,5',
      programmeId: 'p-admin',
      kind: 'meeting',
      note: 'Intervisie',
      confirmDuplicate: false,
    });
    const saved = await screen.findByTestId('entry-saved');
    expect(saved.textContent).toContain('Opgeslagen: 1,5 uur voor Anna de Vries op 24-11-2025');
    expect(field('entry-duration').value).toBe('');
    expect(field('entry-note').value).toBe('');
    expect(field<HTMLSelectElement>('entry-volunteer').value).toBe('v-anna');
    expect(field<HTMLSelectElement>('entry-kind').value).toBe('meeting');
    await waitFor(() => expect(document.activeElement).toBe(field('entry-volunteer')));
    expect(onsaved).toHaveBeenCalledTimes(1);
    // The volunteer order is asked again: the last one used moves up.
    expect(backend.volunteerChoices.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('saves on Enter from a select too', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-bram' }));
    // Coming from a volunteer page: that volunteer is chosen and the duration has the focus.
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    expect(field<HTMLSelectElement>('entry-volunteer').value).toBe('v-bram');

    await userEvent.type(field('entry-duration'), '2');
    await fireEvent.keyDown(field('entry-kind'), { key: 'Enter' });

    expect(backend.logHours).toHaveBeenCalledWith(expect.objectContaining({ volunteerId: 'v-bram', duration: '2', programmeId: 'p-buddy' }));
    expect((await screen.findByTestId('entry-saved')).textContent).toContain('2 uur voor Bram Jansen op 26-11-2025');
  });

  it('undoes the entry just saved', async () => {
    const backend = fakeBackend({ logHours: async (input) => entryFor(input, 'e-42') });
    const onsaved = vi.fn();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna', onsaved }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1,5{Enter}');

    await userEvent.click(await screen.findByTestId('entry-undo'));

    expect(backend.deleteHourEntry).toHaveBeenCalledWith('e-42');
    expect((await screen.findByTestId('entry-undone')).textContent).toContain('Ongedaan gemaakt');
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    expect(onsaved).toHaveBeenCalledTimes(2);
  });

  it('shows a refusal at its field, keeps what was typed and focuses that field', async () => {
    const backend = fakeBackend({
      logHours: async () => {
        throw refusal({ field: 'duration', message: "'anderhalf' is geen duur. Schrijf uren als 1,5 of 1:30." });
      },
    });
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-note'), 'Post ordenen');
    await userEvent.type(field('entry-duration'), 'anderhalf{Enter}');

    const error = await screen.findByTestId('entry-error');
    expect(error.textContent).toContain("'anderhalf' is geen duur");
    expect(error.closest('.field')?.contains(field('entry-duration'))).toBe(true);
    expect(field('entry-duration').getAttribute('aria-describedby')).toContain(error.id);
    expect(field('entry-duration').value).toBe('anderhalf');
    expect(field('entry-note').value).toBe('Post ordenen');
    expect(screen.queryByTestId('entry-saved')).toBeNull();
  });
});

describe('duplicate entries', () => {
  function duplicateOnce() {
    const calls: HourEntryInput[] = [];
    const backend = fakeBackend({
      logHours: async (input) => {
        calls.push(input);
        if (!input.confirmDuplicate) throw refusal({ code: 'duplicate_entry', field: null, reason: null, message: 'Dubbel.' });
        return entryFor(input);
      },
    });
    return { backend, calls };
  }

  it('asks first, then resends with confirmDuplicate', async () => {
    const { backend, calls } = duplicateOnce();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1{Enter}');

    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain("Er staat al precies zo'n inzet op deze dag. Toch opslaan?");
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-duplicate')));

    await userEvent.click(screen.getByTestId('confirm-duplicate'));

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ ...calls[0], confirmDuplicate: true });
    expect((await screen.findByTestId('entry-saved')).textContent).toContain('1 uur voor Anna de Vries');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('saves nothing when the answer is no, and keeps the typed duration', async () => {
    const { backend, calls } = duplicateOnce();
    setBackend(backend);
    render(QuickEntry, props({ preselect: 'v-anna' }));
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
    await userEvent.type(field('entry-duration'), '1{Enter}');

    await userEvent.click(await screen.findByTestId('cancel-duplicate'));

    expect(calls).toHaveLength(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByTestId('entry-saved')).toBeNull();
    expect(field('entry-duration').value).toBe('1');
    await waitFor(() => expect(document.activeElement).toBe(field('entry-duration')));
  });
});
