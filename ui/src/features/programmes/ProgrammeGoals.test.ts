// The goals per programme in Projecten: each programme opens and closes on its own, its goals
// renamed in place and retired (no longer offered for new matches) through save_goal, a new goal
// added below the list, and a name the programme has already refused at the field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend } from '../../test/fakeBackend';
import ProgrammesScreen from './ProgrammesScreen.svelte';

async function openGoals(programme: string): Promise<HTMLElement> {
  const section = (await screen.findAllByTestId('goals-programme')).find((s) => s.dataset.programme === programme);
  if (!section) throw new Error(`no goals for ${programme}`);
  const toggle = within(section).getByTestId('goals-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  await within(section).findByTestId('new-goal-name');
  return section;
}

function rows(section: HTMLElement): HTMLElement[] {
  return within(section).queryAllByTestId('goal-row');
}

function namesIn(section: HTMLElement): string[] {
  return rows(section).map((r) => (within(r).getByTestId('goal-name') as HTMLInputElement).value);
}

function rowOf(section: HTMLElement, name: string): HTMLElement {
  const found = rows(section).find((r) => (within(r).getByTestId('goal-name') as HTMLInputElement).value === name);
  if (!found) throw new Error(`no goal ${name}`);
  return found;
}

/** What axe finds on the screen; the screen is rendered here without the shell's <main>, so not `region`. */
async function axeViolations(): Promise<string[]> {
  const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
  const result = await axe.run(document.body, { rules, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => applyLanguage('nl'));

describe('goals per programme', () => {
  it('lists the goals of a programme in its order, the retired ones marked', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = (await screen.findAllByTestId('goals-programme')).find((s) => s.dataset.programme === 'p-admin')!;
    // The count shows while the programme is closed.
    await waitFor(() => expect(within(admin).getByTestId('goals-toggle').textContent).toContain('4 doelen'));
    expect(within(admin).queryByTestId('goal-list')).toBeNull();
    await openGoals('p-admin');

    expect(backend.goals).toHaveBeenCalledWith('p-admin');
    expect(screen.getByRole('list', { name: 'Doelen van Thuisadministratie' })).toBe(within(admin).getByTestId('goal-list'));
    expect(namesIn(admin)).toEqual(['Administratie op orde', 'Schulden in beeld', 'Zelf de post bijhouden', 'Formulieren zelf invullen']);
    const offered = rows(admin).map((r) => (within(r).getByTestId('goal-active') as HTMLInputElement).checked);
    expect(offered).toEqual([true, true, true, false]);
    expect(within(admin).getAllByTestId('goal-retired')).toHaveLength(1);
    expect(within(rowOf(admin, 'Formulieren zelf invullen')).getByTestId('goal-retired').textContent).toBe('niet meer aangeboden');
    // Each field says which goal it belongs to.
    expect(screen.getByLabelText('Naam van het doel Schulden in beeld')).toBe(within(rowOf(admin, 'Schulden in beeld')).getByTestId('goal-name'));
    // (jsdom's name computation puts a space before the visually hidden part: "koppelingen : Schulden".)
    expect(screen.getByRole('checkbox', { name: /^Aanbieden bij nieuwe koppelingen ?: Schulden in beeld$/ })).toBe(
      within(rowOf(admin, 'Schulden in beeld')).getByTestId('goal-active'),
    );
    expect(screen.getByLabelText('Nieuw doel voor Thuisadministratie')).toBe(within(admin).getByTestId('new-goal-name'));
  });

  it('says so when a programme has no goals yet', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const old = await openGoals('p-old');
    expect(within(old).getByTestId('goals-none').textContent).toBe('Dit project heeft nog geen doelen.');
    expect(within(old).getByTestId('goals-toggle').textContent).toContain('0 doelen');
  });

  it('adds a goal, then keeps the field for the next one', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const buddy = await openGoals('p-buddy');

    const name = within(buddy).getByTestId('new-goal-name') as HTMLInputElement;
    await userEvent.type(name, '  Een eigen netwerk opbouwen{Enter}');

    expect(backend.saveGoal).toHaveBeenCalledWith('p-buddy', null, { name: '  Een eigen netwerk opbouwen', active: true });
    await waitFor(() => expect(namesIn(buddy)).toEqual(['Minder eenzaam', 'Weer meedoen in de buurt', 'Een eigen netwerk opbouwen']));
    expect((within(rowOf(buddy, 'Een eigen netwerk opbouwen')).getByTestId('goal-active') as HTMLInputElement).checked).toBe(true);
    expect(within(buddy).getByTestId('goal-added').textContent).toBe('Het doel Een eigen netwerk opbouwen is toegevoegd.');
    expect(within(buddy).getByTestId('goals-toggle').textContent).toContain('3 doelen');
    expect(name.value).toBe('');
    expect(document.activeElement).toBe(name);

    // With the button too.
    await userEvent.type(name, 'Weer naar buiten');
    await userEvent.click(within(buddy).getByTestId('new-goal-add'));
    await waitFor(() => expect(namesIn(buddy)).toHaveLength(4));
  });

  it('renames a goal in place', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openGoals('p-admin');
    const row = rowOf(admin, 'Schulden in beeld');

    const name = within(row).getByTestId('goal-name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Schulden op een rij ');
    await userEvent.click(within(row).getByTestId('goal-save'));

    expect(backend.saveGoal).toHaveBeenCalledWith('p-admin', 'goal-debts', { name: 'Schulden op een rij ', active: true });
    expect((await within(row).findByTestId('goal-saved')).textContent).toBe('Opgeslagen');
    // As the backend keeps it, and the labels follow.
    expect((name as HTMLInputElement).value).toBe('Schulden op een rij');
    expect(screen.getByLabelText('Naam van het doel Schulden op een rij')).toBe(name);
    expect(namesIn(admin)[1]).toBe('Schulden op een rij');
  });

  it('retires a goal and offers it again', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openGoals('p-admin');

    const post = rowOf(admin, 'Zelf de post bijhouden');
    expect(within(post).queryByTestId('goal-retired')).toBeNull();
    await userEvent.click(within(post).getByTestId('goal-active'));
    await userEvent.click(within(post).getByTestId('goal-save'));
    expect(backend.saveGoal).toHaveBeenCalledWith('p-admin', 'goal-post', { name: 'Zelf de post bijhouden', active: false });
    expect((await within(post).findByTestId('goal-retired')).textContent).toBe('niet meer aangeboden');
    // Still in the list, with its box unticked: the matches that have it keep it.
    expect(namesIn(admin)).toContain('Zelf de post bijhouden');
    expect((within(post).getByTestId('goal-active') as HTMLInputElement).checked).toBe(false);
    expect(within(admin).getAllByTestId('goal-retired')).toHaveLength(2);

    const forms = rowOf(admin, 'Formulieren zelf invullen');
    // By keyboard: Space ticks the box, Enter in the name saves.
    within(forms).getByTestId('goal-active').focus();
    await userEvent.keyboard(' ');
    within(forms).getByTestId('goal-name').focus();
    await userEvent.keyboard('{Enter}');
    expect(backend.saveGoal).toHaveBeenLastCalledWith('p-admin', 'goal-forms', { name: 'Formulieren zelf invullen', active: true });
    await waitFor(() => expect(within(forms).queryByTestId('goal-retired')).toBeNull());
  });

  it('refuses a name the programme has already, at the field that has it', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(ProgrammesScreen);
    const admin = await openGoals('p-admin');

    // Adding.
    const name = within(admin).getByTestId('new-goal-name');
    await userEvent.type(name, 'schulden in beeld{Enter}');
    const error = await within(admin).findByTestId('new-goal-error-name');
    expect(error.textContent).toContain("Dit project heeft het doel 'schulden in beeld' al.");
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(name);
    expect(namesIn(admin)).toHaveLength(4);
    await userEvent.type(name, ' 2');
    expect(within(admin).queryByTestId('new-goal-error-name')).toBeNull();

    // Renaming.
    const row = rowOf(admin, 'Zelf de post bijhouden');
    const rename = within(row).getByTestId('goal-name');
    await userEvent.clear(rename);
    await userEvent.type(rename, 'Administratie op orde');
    await userEvent.click(within(row).getByTestId('goal-save'));
    const refused = await within(row).findByTestId('goal-error-name');
    expect(refused.textContent).toContain("Dit project heeft het doel 'Administratie op orde' al.");
    expect(rename.getAttribute('aria-describedby')).toBe(refused.id);
    await waitFor(() => expect(document.activeElement).toBe(rename));
    expect(within(row).queryByTestId('goal-saved')).toBeNull();
    // Another programme may have a goal of the same name.
    const buddy = await openGoals('p-buddy');
    await userEvent.type(within(buddy).getByTestId('new-goal-name'), 'Schulden in beeld{Enter}');
    await waitFor(() => expect(namesIn(buddy)).toContain('Schulden in beeld'));
  });

  it('has nothing axe objects to, open and with a refusal at a row and at the new goal', async () => {
    setBackend(fakeBackend());
    render(ProgrammesScreen);
    const admin = await openGoals('p-admin');
    await openGoals('p-old');
    expect(await axeViolations()).toEqual([]);

    await userEvent.type(within(admin).getByTestId('new-goal-name'), 'Schulden in beeld{Enter}');
    await within(admin).findByTestId('new-goal-error-name');
    const row = rowOf(admin, 'Zelf de post bijhouden');
    await userEvent.clear(within(row).getByTestId('goal-name'));
    await userEvent.type(within(row).getByTestId('goal-name'), 'Administratie op orde{Enter}');
    await within(row).findByTestId('goal-error-name');
    expect(await axeViolations()).toEqual([]);
  });
});
