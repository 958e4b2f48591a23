// Programmes: listed with their maximum length and whether they are active; added and edited in
// one small form whose refusals appear at the field.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal } from '../../test/fakeBackend';
import ProgrammesScreen from './ProgrammesScreen.svelte';

function field(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

beforeEach(() => applyLanguage('nl'));

describe('programmes', () => {
  it('lists name, description, maximum length and active', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const rows = await screen.findAllByTestId('programme-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Thuisadministratie');
    expect(rows[0]!.textContent).toContain('12');
    expect(rows[2]!.textContent).toContain('geen maximum');
    expect(rows[2]!.textContent).toContain('nee');
  });

  it('adds a programme', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    await screen.findAllByTestId('programme-row');

    await userEvent.click(screen.getByTestId('new-programme'));
    await userEvent.type(field('programme-name'), 'Taalmaatje');
    await userEvent.type(field('programme-description'), 'Samen Nederlands oefenen');
    expect(screen.getByTestId('programme-description-count').textContent?.trim()).toBe('24 / 500 tekens');
    await userEvent.type(field('programme-max-months'), '18');
    await userEvent.click(screen.getByTestId('programme-save'));

    expect(backend.createProgramme).toHaveBeenCalledWith({
      name: 'Taalmaatje',
      description: 'Samen Nederlands oefenen',
      maxMonths: '18',
      active: true,
    });
    expect((await screen.findByTestId('programme-saved')).textContent).toContain('Taalmaatje');
    expect(backend.listProgrammes).toHaveBeenCalledTimes(2);
  });

  it('edits a programme in place of the list and shows refusals at the field', async () => {
    const backend = fakeBackend({
      updateProgramme: async () => {
        throw refusal({ field: 'maxMonths', message: 'De maximale duur is 0 maanden; kies 1 tot 240 maanden, of laat het leeg.' });
      },
    });
    setBackend(backend);
    render(ProgrammesScreen);
    await userEvent.click((await screen.findAllByTestId('edit-programme'))[1]!);

    expect(field('programme-name').value).toBe('Maatje');
    expect(field('programme-max-months').value).toBe('24');
    await userEvent.clear(field('programme-max-months'));
    await userEvent.type(field('programme-max-months'), '0');
    await userEvent.click(field('programme-active'));
    await userEvent.click(screen.getByTestId('programme-save'));

    expect(backend.updateProgramme).toHaveBeenCalledWith('p-buddy', { name: 'Maatje', description: '', maxMonths: '0', active: false });
    expect((await screen.findByTestId('error-maxMonths')).textContent).toContain('kies 1 tot 240');
    await waitFor(() => expect(document.activeElement).toBe(field('programme-max-months')));
    expect(field('programme-max-months').value).toBe('0');

    // Editing another field leaves the refusal; editing this one takes it away.
    await userEvent.type(field('programme-name'), 's');
    expect(screen.getByTestId('error-maxMonths')).toBeTruthy();
    await userEvent.type(field('programme-max-months'), '{Backspace}6');
    expect(screen.queryByTestId('error-maxMonths')).toBeNull();
    expect(field('programme-max-months').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the months as typed and shows the backend refusal at the field', async () => {
    const backend = fakeBackend();
    backend.createProgramme.mockImplementation(async () => {
      throw refusal({ field: 'maxMonths', message: "'een jaar' is geen heel aantal maanden. Schrijf bijvoorbeeld 12, of laat het leeg." });
    });
    setBackend(backend);
    render(ProgrammesScreen);
    await userEvent.click(await screen.findByTestId('new-programme'));
    await userEvent.type(field('programme-name'), 'Rouw');
    await userEvent.type(field('programme-max-months'), 'een jaar');
    await userEvent.click(screen.getByTestId('programme-save'));

    expect(backend.createProgramme).toHaveBeenCalledWith({ name: 'Rouw', description: '', maxMonths: 'een jaar', active: true });
    expect((await screen.findByTestId('error-maxMonths')).textContent).toContain('heel aantal maanden');
    expect(field('programme-max-months').value).toBe('een jaar');
  });
});
