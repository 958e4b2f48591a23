// The sociale kaart: the organisations by name with what they take, a form to add or change one
// with every refusal at its field, in Dutch and English.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, refusal } from '../../test/fakeBackend';
import DirectoryScreen from './DirectoryScreen.svelte';

beforeEach(() => applyLanguage('nl'));

describe('sociale kaart', () => {
  it('lists the organisations with the kinds and domains they take', async () => {
    setBackend(fakeBackend());
    render(DirectoryScreen);
    const rows = await screen.findAllByTestId('organisation-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sociale kaart');
    expect(screen.getByTestId('directory-count').textContent?.trim()).toBe('2 organisaties');
    const cells = within(rows[0]!).getAllByRole('cell').map((c) => c.textContent?.trim());
    expect(cells.slice(0, 3)).toEqual(['Schuldhulpverlening', 'Geldzaken', '010-1234567 · ma–vr 9–17']);
    expect(within(rows[1]!).getAllByRole('cell')[1]!.textContent).toBe('alle');
  });

  it('adds an organisation with the kinds and domains ticked', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(DirectoryScreen);
    await screen.findAllByTestId('organisation-row');
    await userEvent.click(screen.getByTestId('new-organisation'));
    expect(document.activeElement).toBe(screen.getByTestId('org-name'));
    await userEvent.type(screen.getByTestId('org-name'), 'Sociaal raadslieden');
    await userEvent.click(screen.getByLabelText('Sociaal raadslieden'));
    await userEvent.click(screen.getByLabelText('Geldzaken'));
    await userEvent.type(screen.getByTestId('org-contact'), '010-7654321');
    await userEvent.click(screen.getByTestId('org-save'));
    expect(backend.saveOrganisation).toHaveBeenCalledWith(null, {
      name: 'Sociaal raadslieden',
      what: '',
      kinds: ['social_counsel'],
      domains: ['money'],
      contact: '010-7654321',
      openingHours: '',
      notes: '',
    });
    expect(await screen.findByText('3 organisaties')).toBeTruthy();
    expect(screen.queryByTestId('organisation-form')).toBeNull();
  });

  it('shows every refusal at its field, the first focused', async () => {
    setBackend(
      fakeBackend({
        saveOrganisation: async () => {
          throw refusal({
            field: 'name',
            message: 'Vul de naam in.',
            also: [{ field: 'professionalKind', reason: 'required', message: 'Kies minstens één soort verwijzing.', messageEn: 'Choose one.' }],
          });
        },
      }),
    );
    render(DirectoryScreen);
    await userEvent.click(await screen.findByTestId('new-organisation'));
    await userEvent.click(screen.getByTestId('org-save'));
    expect((await screen.findByTestId('org-error-name')).textContent).toContain('Vul de naam in.');
    expect(screen.getByTestId('org-error-kinds').textContent).toContain('Kies minstens één soort verwijzing.');
    expect(document.activeElement).toBe(screen.getByTestId('org-name'));
  });

  it('says it in English', async () => {
    applyLanguage('en');
    setBackend(fakeBackend());
    render(DirectoryScreen);
    await screen.findAllByTestId('organisation-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Local directory');
    expect(screen.getByTestId('directory-count').textContent?.trim()).toBe('2 organisations');
  });
});
