// Gemeenten en subsidies (#/funding): the municipalities with their counts, added, renamed and
// removed (a refusal said where it belongs), and the subsidies with their funder, municipality,
// period, programmes and amount, added and changed in a form that shows every refusal at once, and
// removed after a question; in Dutch and English. The stories below them: StoryList.test.ts.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal, type FakeBackend } from '../../test/fakeBackend';
import FundingScreen from './FundingScreen.svelte';

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  render(FundingScreen);
  await screen.findAllByTestId('subsidy-row');
  return backend;
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '');
}

function input<T extends HTMLElement = HTMLInputElement>(testid: string): T {
  return screen.getByTestId(testid) as T;
}

beforeEach(() => applyLanguage('nl'));

describe('municipalities', () => {
  it('lists the municipalities by name with their participants and subsidies', async () => {
    await open();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gemeenten en subsidies');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Gemeenten', 'Subsidies', 'Verhalen voor rapporten']);
    const rows = screen.getAllByTestId('municipality-row').map((row) => cells(row).slice(0, 3));
    expect(rows).toEqual([
      ['De Bilt', '0', '0'],
      ['Zeist', '2', '1'],
    ]);
    expect(screen.getByLabelText('Naam van de gemeente')).toBe(input('municipality-name'));
    expect(screen.getByRole('button', { name: 'Naam wijzigen van Zeist' })).toBeTruthy();
  });

  it('adds a municipality, and keeps the field ready for the next one', async () => {
    const backend = await open();
    const name = input('municipality-name');
    await userEvent.type(name, ' Bunnik ');
    await userEvent.click(screen.getByTestId('municipality-add'));

    expect(backend.saveMunicipality).toHaveBeenCalledWith(null, ' Bunnik ');
    await waitFor(() => expect(screen.getAllByTestId('municipality-row').map((row) => cells(row)[0])).toEqual(['Bunnik', 'De Bilt', 'Zeist']));
    expect(screen.getByTestId('municipality-notice').textContent).toBe('Bunnik is toegevoegd.');
    expect(name.value).toBe('');
    expect(document.activeElement).toBe(name);
  });

  it('shows a refused duplicate at the name field, which keeps the focus, until it is edited', async () => {
    await open();
    const name = input('municipality-name');
    await userEvent.type(name, 'zeist{Enter}');

    const error = await screen.findByTestId('municipality-error-name');
    expect(error.textContent).toContain('Er is al een gemeente zeist. Kies een andere naam.');
    expect(error.closest('.field')?.contains(name)).toBe(true);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getAllByTestId('municipality-row')).toHaveLength(2);

    await userEvent.type(name, ' 2');
    expect(screen.queryByTestId('municipality-error-name')).toBeNull();
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('renames a municipality below its row, and the subsidies show the new name', async () => {
    const backend = await open();
    const rename = screen.getAllByTestId('rename-municipality')[1]!;
    await userEvent.click(rename);
    expect(rename.getAttribute('aria-expanded')).toBe('true');

    const name = input('municipality-rename-name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByLabelText('Nieuwe naam voor Zeist')).toBe(name);
    expect(name.value).toBe('Zeist');
    await userEvent.clear(name);
    await userEvent.type(name, 'Zeist (gemeente){Enter}');

    expect(backend.saveMunicipality).toHaveBeenCalledWith('g-zeist', 'Zeist (gemeente)');
    await waitFor(() => expect(screen.queryByTestId('municipality-rename-name')).toBeNull());
    expect(screen.getByTestId('municipality-notice').textContent).toBe('De gemeente heet nu Zeist (gemeente).');
    await waitFor(() => expect(cells(screen.getAllByTestId('subsidy-row')[0]!)[2]).toBe('Zeist (gemeente)'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('rename-municipality')[1]));
  });

  it('closes the rename form with Escape, the focus back on its button', async () => {
    const backend = await open();
    await userEvent.click(screen.getAllByTestId('rename-municipality')[0]!);
    await waitFor(() => expect(document.activeElement).toBe(input('municipality-rename-name')));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('municipality-rename-name')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('rename-municipality')[0]));
    expect(backend.saveMunicipality).not.toHaveBeenCalled();
  });

  it('asks before removing, shows why a municipality with participants stays, and removes an empty one', async () => {
    const backend = await open();
    await userEvent.click(screen.getAllByTestId('remove-municipality')[1]!);
    const panel = screen.getByTestId('municipality-remove-panel');
    expect(screen.getByRole('group', { name: 'Gemeente Zeist verwijderen?' })).toBe(panel);
    expect(panel.textContent).toContain('Dit kan alleen als er geen deelnemers wonen');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('municipality-remove-confirm')));

    await userEvent.click(screen.getByTestId('municipality-remove-confirm'));
    const failure = await screen.findByTestId('municipality-remove-failure');
    expect(backend.removeMunicipality).toHaveBeenCalledWith('g-zeist');
    expect(failure.textContent).toContain('Je kunt Zeist niet verwijderen: er wonen deelnemers of er is een subsidie voor deze gemeente.');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(screen.getAllByTestId('municipality-row')).toHaveLength(2);
    await userEvent.click(screen.getByTestId('municipality-remove-cancel'));
    expect(screen.queryByTestId('municipality-remove-panel')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('remove-municipality')[1]));

    await userEvent.click(screen.getAllByTestId('remove-municipality')[0]!);
    await userEvent.click(screen.getByTestId('municipality-remove-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('municipality-row').map((row) => cells(row)[0])).toEqual(['Zeist']));
    expect(backend.removeMunicipality).toHaveBeenLastCalledWith('g-bilt');
    expect(screen.getByTestId('municipality-notice').textContent).toBe('De Bilt is verwijderd.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Gemeenten' })));
  });

  it('says when there are none yet', async () => {
    setBackend(fakeBackend({ municipalities: async () => [], subsidies: async () => [], stories: async () => [] }));
    render(FundingScreen);
    expect((await screen.findByTestId('municipalities-empty')).textContent).toContain('Nog geen gemeenten');
    expect(screen.getByTestId('subsidies-empty').textContent).toContain('Nog geen subsidies');
    expect(screen.getByTestId('stories-empty').textContent).toContain('Nog geen verhalen');
  });
});

describe('subsidies', () => {
  it('lists the subsidies with funder, municipality, period, programmes and amount', async () => {
    await open();
    expect(screen.getAllByTestId('subsidy-row').map((row) => cells(row).slice(0, 6))).toEqual([
      ['Wmo 2025', 'Gemeente Zeist', 'Zeist', '01-01-2025 t/m 31-12-2025', 'Thuisadministratie, Maatje', '€ 12.500,00'],
      ['Maatjes 2024', 'Oranje Fonds', 'geen (fonds)', '01-03-2024 t/m 28-02-2025', 'Maatje', '€ 5.000,00'],
    ]);
    expect(screen.getByRole('table', { name: 'Subsidies, de nieuwste periode eerst' })).toBeTruthy();
  });

  it('adds a subsidy with the dates and amount as typed', async () => {
    const backend = await open();
    await userEvent.click(screen.getByTestId('new-subsidy'));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Nieuwe subsidie');
    await waitFor(() => expect(document.activeElement).toBe(input('subsidy-name')));

    await userEvent.type(input('subsidy-name'), 'Wmo 2026');
    await userEvent.type(input('subsidy-funder'), 'Gemeente De Bilt');
    const municipality = input<HTMLSelectElement>('subsidy-municipality');
    expect(Array.from(municipality.options).map((o) => o.textContent)).toEqual(['geen gemeente (bijvoorbeeld een fonds)', 'De Bilt', 'Zeist']);
    expect(screen.getByLabelText('Voor de inwoners van')).toBe(municipality);
    await userEvent.selectOptions(municipality, 'De Bilt');
    await userEvent.type(screen.getByLabelText('Van'), '1-1-2026');
    await userEvent.type(screen.getByLabelText('Tot en met'), '31-12-2026');
    // The active programmes, ticked by name.
    expect(screen.getAllByTestId('subsidy-programme').map((box) => box.closest('label')?.textContent)).toEqual(['Thuisadministratie', 'Maatje']);
    await userEvent.click(screen.getByLabelText('Maatje'));
    await userEvent.type(screen.getByLabelText('Bedrag'), '€ 7.500');
    await userEvent.click(screen.getByTestId('subsidy-save'));

    expect(backend.saveSubsidy).toHaveBeenCalledWith(null, {
      name: 'Wmo 2026',
      funder: 'Gemeente De Bilt',
      municipalityId: 'g-bilt',
      from: '1-1-2026',
      to: '31-12-2026',
      programmeIds: ['p-buddy'],
      amount: '€ 7.500',
    });
    await waitFor(() => expect(screen.queryByTestId('subsidy-form')).toBeNull());
    expect(screen.getByTestId('subsidy-notice').textContent).toBe('Subsidie Wmo 2026 is opgeslagen.');
    expect(cells(screen.getAllByTestId('subsidy-row')[0]!).slice(0, 6)).toEqual([
      'Wmo 2026',
      'Gemeente De Bilt',
      'De Bilt',
      '01-01-2026 t/m 31-12-2026',
      'Maatje',
      '€ 7.500,00',
    ]);
    // De Bilt now counts the subsidy.
    await waitFor(() => expect(cells(screen.getAllByTestId('municipality-row')[0]!).slice(0, 3)).toEqual(['De Bilt', '0', '1']));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('new-subsidy')));
  });

  it('shows two refused fields at once, the first focused, each cleared when it is edited', async () => {
    const backend = await open({
      saveSubsidy: async () => {
        throw refusal({
          field: 'from',
          message: "'1-13-2025' is geen datum. Schrijf bijvoorbeeld 1-1-2025.",
          also: [{ field: 'amount', reason: 'invalid_format', message: "'veel' is geen bedrag. Schrijf bijvoorbeeld 12.500.", messageEn: "'veel' is not an amount." }],
        });
      },
    });
    await userEvent.click(screen.getByTestId('new-subsidy'));
    await userEvent.type(input('subsidy-name'), 'Wmo 2026');
    await userEvent.type(input('subsidy-from'), '1-13-2025');
    await userEvent.type(input('subsidy-amount'), 'veel');
    await userEvent.click(screen.getByTestId('subsidy-save'));

    const from = await screen.findByTestId('subsidy-error-from');
    const amount = screen.getByTestId('subsidy-error-amount');
    expect(from.textContent).toContain("'1-13-2025' is geen datum.");
    expect(amount.textContent).toContain("'veel' is geen bedrag.");
    expect(input('subsidy-from').getAttribute('aria-describedby')).toContain(from.id);
    expect(input('subsidy-amount').getAttribute('aria-invalid')).toBe('true');
    expect(input('subsidy-name').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('subsidy-from')));
    expect(backend.saveSubsidy).toHaveBeenCalledTimes(1);

    await userEvent.type(input('subsidy-amount'), '0');
    expect(screen.queryByTestId('subsidy-error-amount')).toBeNull();
    expect(screen.getByTestId('subsidy-error-from')).toBeTruthy();
    expect(screen.getByTestId('subsidy-form')).toBeTruthy();
  });

  it('shows the refusal of the programmes at their group', async () => {
    await open();
    await userEvent.click(screen.getByTestId('new-subsidy'));
    await userEvent.type(input('subsidy-name'), 'Wmo 2026');
    await userEvent.type(input('subsidy-funder'), 'Gemeente Zeist');
    await userEvent.type(input('subsidy-from'), '1-1-2026');
    await userEvent.type(input('subsidy-to'), '31-12-2026');
    await userEvent.type(input('subsidy-amount'), '1000');
    await userEvent.click(screen.getByTestId('subsidy-save'));

    const error = await screen.findByTestId('subsidy-error-programmes');
    expect(error.textContent).toContain('Kies minstens één project.');
    const group = screen.getByRole('group', { name: 'Projecten' });
    expect(group.getAttribute('aria-describedby')).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('subsidy-programme')[0]));
  });

  it('changes a subsidy in a form filled with what it holds', async () => {
    const backend = await open();
    await userEvent.click(screen.getByRole('button', { name: 'Wmo 2025 bewerken' }));

    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Wmo 2025 wijzigen');
    expect(input('subsidy-name').value).toBe('Wmo 2025');
    expect(input('subsidy-funder').value).toBe('Gemeente Zeist');
    expect(input<HTMLSelectElement>('subsidy-municipality').value).toBe('g-zeist');
    expect(input('subsidy-from').value).toBe('01-01-2025');
    expect(input('subsidy-to').value).toBe('31-12-2025');
    expect(screen.getAllByTestId('subsidy-programme').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true]);
    expect(input('subsidy-amount').value).toBe('12500,00');

    await userEvent.clear(input('subsidy-amount'));
    await userEvent.type(input('subsidy-amount'), '13.000');
    await userEvent.click(screen.getByLabelText('Thuisadministratie'));
    await userEvent.click(screen.getByTestId('subsidy-save'));

    expect(backend.saveSubsidy).toHaveBeenCalledWith('sub-wmo', {
      name: 'Wmo 2025',
      funder: 'Gemeente Zeist',
      municipalityId: 'g-zeist',
      from: '01-01-2025',
      to: '31-12-2025',
      programmeIds: ['p-buddy'],
      amount: '13.000',
    });
    await waitFor(() => expect(cells(screen.getAllByTestId('subsidy-row')[0]!).slice(4, 6)).toEqual(['Maatje', '€ 13.000,00']));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('edit-subsidy')[0]));
  });

  it('removes a subsidy after asking, and cancelling keeps it', async () => {
    const backend = await open();
    await userEvent.click(screen.getAllByTestId('remove-subsidy')[1]!);
    expect(screen.getByTestId('subsidy-remove-panel').textContent).toContain('Subsidie Maatjes 2024 verwijderen?');
    await userEvent.click(screen.getByTestId('subsidy-remove-cancel'));
    expect(backend.removeSubsidy).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('remove-subsidy')[1]));

    await userEvent.click(screen.getAllByTestId('remove-subsidy')[1]!);
    await userEvent.click(screen.getByTestId('subsidy-remove-confirm'));
    expect(backend.removeSubsidy).toHaveBeenCalledWith('sub-fund');
    await waitFor(() => expect(screen.getAllByTestId('subsidy-row')).toHaveLength(1));
    expect(screen.getByTestId('subsidy-notice').textContent).toBe('Subsidie Maatjes 2024 is verwijderd.');
  });
});

describe('in English', () => {
  it('says it in English, amounts and all', async () => {
    applyLanguage('en');
    await open();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Municipalities and subsidies');
    expect(screen.getByLabelText('Name of the municipality')).toBe(input('municipality-name'));
    expect(screen.getByTestId('municipality-add').textContent?.trim()).toBe('Add municipality');
    expect(cells(screen.getAllByTestId('subsidy-row')[1]!).slice(2, 6)).toEqual(['none (fund)', '01-03-2024 to 28-02-2025', 'Maatje', '€5,000.00']);

    await userEvent.click(screen.getByTestId('new-subsidy'));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('New subsidy');
    expect(screen.getByLabelText('Funder')).toBe(input('subsidy-funder'));
    expect(input<HTMLSelectElement>('subsidy-municipality').options[0]!.textContent).toBe('no municipality (a fund, for example)');
    expect(input('subsidy-amount').value).toBe('');
  });
});
