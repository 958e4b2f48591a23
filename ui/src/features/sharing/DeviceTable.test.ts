// Removing a laptop from the branch (lost, stolen, a colleague who stops): a button on each other
// laptop still in the branch, one question right below its row that says in plain words what it
// does, the keyboard kept where it belongs, and afterwards the table anew with a notice that says
// it is done and which laptops have to be invited again.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend, type Backend } from '../../api/backend';
import type { ApiError } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import { DEVICES, fakeBackend, fakeVault, SERVER_ADDRESS, sharingBranch, SHARING, type FakeSharing } from '../../test/fakeBackend';
import { keepSharing } from './status.svelte';

async function open(sharing: FakeSharing = sharingBranch(), overrides: Partial<Backend> = {}) {
  const backend = fakeBackend(overrides, fakeVault(), sharing);
  setBackend(backend);
  navigate({ name: 'sharing' });
  render(App);
  await screen.findByTestId('devices-table');
  return backend;
}

/** The row of the laptop with this name. */
function row(name: string): HTMLElement {
  const found = screen.getAllByTestId('device-row').find((tr) => tr.querySelector('th')?.textContent?.includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

function removeButton(name: string): HTMLButtonElement {
  return within(row(name)).getByTestId('device-remove') as HTMLButtonElement;
}

function text(testid: string): string {
  return screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  applyLanguage('nl');
  keepSharing(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('removing a laptop', () => {
  it('is offered on each other laptop still in the branch, named for the screen reader', async () => {
    await open();

    const buttons = screen.getAllByTestId('device-remove');
    expect(buttons).toHaveLength(2);
    expect(removeButton('Laptop Anna').textContent).toBe('Verwijderen uit de afdeling');
    expect(removeButton('Laptop Anna').getAttribute('aria-label')).toBe('Verwijderen uit de afdeling: Laptop Anna');
    expect(removeButton('Kantoor').getAttribute('aria-label')).toBe('Verwijderen uit de afdeling: Kantoor');
    // Not this laptop, not one removed before.
    expect(within(row('Laptop Marieke')).queryByTestId('device-remove')).toBeNull();
    expect(within(row('Laptop Joost')).queryByTestId('device-remove')).toBeNull();
    expect(screen.queryByTestId('device-remove-panel')).toBeNull();
  });

  it('asks once, right below the row, in plain words; the focus on "Ja, verwijderen"; cancelling changes nothing', async () => {
    // No browser dialog: the question is part of the page.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const backend = await open();

    await userEvent.click(removeButton('Laptop Anna'));

    const panel = await screen.findByTestId('device-remove-panel');
    expect(row('Laptop Anna').nextElementSibling?.contains(panel)).toBe(true);
    expect(screen.getByRole('group', { name: 'Laptop Anna verwijderen uit de afdeling?' })).toBe(panel);
    const words = panel.textContent ?? '';
    expect(words).toContain('Die laptop kan niets meer lezen van wat vanaf nu wordt geschreven.');
    expect(words).toContain('Wat er vanaf nu op die laptop verandert, neemt de afdeling niet meer over.');
    expect(words).toContain('Doe dit als een laptop kwijt of gestolen is, of als een collega stopt.');
    const buttons = within(panel).getAllByRole('button');
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['device-remove-confirm', 'device-remove-cancel']);
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Ja, verwijderen', 'Annuleren']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('device-remove-confirm')));
    // One question at a time.
    expect(removeButton('Kantoor').disabled).toBe(true);
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('device-remove-cancel'));

    await waitFor(() => expect(screen.queryByTestId('device-remove-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(removeButton('Laptop Anna')));
    expect(removeButton('Kantoor').disabled).toBe(false);
    expect(backend.removeLaptop).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('Escape cancels too, back on the row', async () => {
    const backend = await open();
    await userEvent.click(removeButton('Kantoor'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('device-remove-confirm')));

    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByTestId('device-remove-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(removeButton('Kantoor')));
    expect(backend.removeLaptop).not.toHaveBeenCalled();
  });

  it('removes it, shows the table anew and says it is done, with the laptops to invite again', async () => {
    const sharing = sharingBranch();
    const backend = await open(sharing);
    const asked = backend.sharingStatus.mock.calls.length;
    await userEvent.click(removeButton('Laptop Anna'));

    await userEvent.click(await screen.findByTestId('device-remove-confirm'));

    const notice = await screen.findByTestId('device-removed-notice');
    expect(backend.removeLaptop).toHaveBeenCalledWith('n-anna');
    expect(notice.closest('[aria-live="polite"]')).toBeTruthy();
    expect(notice.textContent).toContain('Laptop Anna is uit de afdeling verwijderd.');
    expect(notice.textContent).toContain('Deze laptops hebben nog nooit gesynchroniseerd. Nodig ze opnieuw uit:');
    expect(screen.getAllByTestId('device-invite-again').map((li) => li.textContent)).toEqual(['Kantoor']);
    expect(backend.sharingStatus.mock.calls.length).toBeGreaterThan(asked);
    await waitFor(() => expect(row('Laptop Anna').textContent).toContain('verwijderd uit de afdeling'));
    expect(row('Laptop Anna').classList.contains('row-inactive')).toBe(true);
    expect(within(row('Laptop Anna')).queryByTestId('device-remove')).toBeNull();
    expect(screen.queryByTestId('device-remove-panel')).toBeNull();
    expect(sharing.status.devices.find((d) => d.id === 'n-anna')?.removed).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Laptops van de afdeling' })));

    applyLanguage('en');
    await waitFor(() => expect(text('device-removed-notice')).toContain('Laptop Anna has been removed from the branch.'));
  });

  it('says only that it is done when no laptop has to be invited again', async () => {
    const backend = await open();
    await userEvent.click(removeButton('Kantoor'));

    await userEvent.click(await screen.findByTestId('device-remove-confirm'));

    expect(await screen.findByTestId('device-removed-notice')).toBeTruthy();
    expect(backend.removeLaptop).toHaveBeenCalledWith('n-office');
    expect(text('device-removed-notice')).toBe('Kantoor is uit de afdeling verwijderd. Die laptop kan niets meer lezen van wat vanaf nu wordt geschreven.');
    expect(screen.queryByTestId('device-invite-again')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('device-remove')).toEqual([removeButton('Laptop Anna')]));
  });

  it('leaves the column out when no other laptop can be removed', async () => {
    const sharing = sharingBranch();
    sharing.status.devices = DEVICES.filter((d) => d.thisLaptop || d.removed);
    await open(sharing);

    expect(screen.queryByTestId('device-remove')).toBeNull();
    expect(within(screen.getByTestId('devices-table')).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Laptop', 'Laatst gezien', 'Pakketten']);
  });

  it('says why it could not, in the question, which stays open; nothing changes', async () => {
    const sharing = sharingBranch({ status: { ...structuredClone(SHARING), place: SERVER_ADDRESS } });
    const backend = await open(sharing);
    backend.removeLaptop.mockRejectedValueOnce({
      code: 'storage',
      message: 'Een andere laptop heeft net ook een laptop uit de afdeling verwijderd. Er is niets veranderd. Synchroniseer eerst en probeer het daarna opnieuw.',
      messageEn: 'Another laptop has just removed a laptop from the branch as well. Nothing was changed. Synchronise first, then try again.',
      field: null,
      reason: null,
    } satisfies ApiError);
    await userEvent.click(removeButton('Laptop Anna'));

    await userEvent.click(await screen.findByTestId('device-remove-confirm'));

    const failure = await screen.findByTestId('device-remove-failure');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(failure.textContent).toContain('Een andere laptop heeft net ook een laptop uit de afdeling verwijderd');
    expect(within(screen.getByTestId('device-remove-panel')).getByTestId('device-remove-failure')).toBe(failure);
    expect(backend.removeLaptop).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('device-removed-notice')).toBeNull();
    expect(row('Laptop Anna').textContent).not.toContain('verwijderd');
    expect(sharing.status.devices).toEqual(DEVICES);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('device-remove-confirm')));

    // "Annuleren" puts the question and its message away.
    await userEvent.click(screen.getByTestId('device-remove-cancel'));
    await waitFor(() => expect(screen.queryByTestId('device-remove-failure')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(removeButton('Laptop Anna')));
  });

  it('is busy while it removes, and can then not be asked twice', async () => {
    let finish: () => void = () => {};
    const backend = await open();
    const remove = backend.removeLaptop.getMockImplementation()!;
    backend.removeLaptop.mockImplementationOnce((id) => new Promise<void>((resolve) => (finish = resolve)).then(() => remove(id)));
    await userEvent.click(removeButton('Laptop Anna'));

    await userEvent.click(await screen.findByTestId('device-remove-confirm'));

    expect(text('device-remove-confirm')).toBe('Bezig met verwijderen…');
    expect((screen.getByTestId('device-remove-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('device-remove-cancel') as HTMLButtonElement).disabled).toBe(true);
    finish();
    await screen.findByTestId('device-removed-notice');
    expect(backend.removeLaptop).toHaveBeenCalledTimes(1);
  });
});
