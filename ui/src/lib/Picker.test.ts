// The picker finds a volunteer by part of a name, by keyboard only: typing filters, the arrows move,
// Enter chooses without submitting the form, Escape closes and then restores. Typing a whole name
// chooses that person, not whoever's name starts with the letter after the space (issue 18).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n/i18n.svelte';
import Picker, { type PickerOption } from './Picker.svelte';

// Most recently used first, as the backend gives them.
const PEOPLE: PickerOption[] = [
  { id: 'v-vera', label: 'Vera Bakker' },
  { id: 'v-vos', label: 'Tineke Vos' },
  { id: 'v-wim', label: 'Wim Visscher', hint: 'rust' },
  { id: 'v-tineke', label: 'Tineke Visser' },
  { id: 'v-anna', label: 'Anna de Vries' },
  { id: 'v-zoe', label: 'Zoë Tinbergen' },
];

/** The picker in a form with a label and a submit button, as the app's forms have it. */
function setup(props: Record<string, unknown> = {}) {
  const main = document.createElement('main');
  const form = main.appendChild(document.createElement('form'));
  form.innerHTML = '<label for="vp">Vrijwilliger</label><div></div><button type="submit">Opslaan</button>';
  const submitted = vi.fn((event: Event) => event.preventDefault());
  form.addEventListener('submit', submitted);
  document.body.append(main);
  const onchange = vi.fn();
  const target = form.querySelector('div')!;
  render(Picker, { target, props: { id: 'vp', testid: 'vp', options: PEOPLE, label: 'Vrijwilliger', onchange, ...props } });
  const input = screen.getByRole('combobox', { name: 'Vrijwilliger' }) as HTMLInputElement;
  return { input, onchange, submitted };
}

function listbox(): HTMLElement {
  return screen.getByRole('listbox', { hidden: true });
}

function labels(): string[] {
  return within(listbox()).queryAllByRole('option', { hidden: true }).map((o) => o.firstElementChild?.textContent ?? '');
}

function activeLabel(input: HTMLInputElement): string | null {
  const id = input.getAttribute('aria-activedescendant');
  return id ? (document.getElementById(id)?.firstElementChild?.textContent ?? null) : null;
}

beforeEach(() => applyLanguage('nl'));
afterEach(() => {
  document.querySelectorAll('main').forEach((main) => main.remove());
  vi.restoreAllMocks();
});

describe('picker', () => {
  it('finds by part of a last name; the arrows move, Enter chooses without submitting the form', async () => {
    const { input, onchange, submitted } = setup();
    await userEvent.tab();
    expect(document.activeElement).toBe(input);

    await userEvent.keyboard('viss');
    expect(labels()).toEqual(['Wim Visscher', 'Tineke Visser']);
    expect(activeLabel(input)).toBe('Wim Visscher');
    await userEvent.keyboard('{ArrowDown}');
    expect(activeLabel(input)).toBe('Tineke Visser');
    await userEvent.keyboard('{Enter}');

    expect(onchange).toHaveBeenCalledWith('v-tineke');
    expect(input.value).toBe('Tineke Visser');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(submitted).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(input);

    // With the list closed and a volunteer chosen, Enter is the form's again.
    await userEvent.keyboard('{Enter}');
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('typing "Tineke Visser" in full chooses Tineke Visser, not another V', async () => {
    const { input, onchange } = setup();
    await userEvent.tab();
    await userEvent.keyboard('Tineke Visser{Enter}');
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(onchange).toHaveBeenCalledWith('v-tineke');
    expect(input.value).toBe('Tineke Visser');
  });

  it('matches any word start or part, without minding case or accents', async () => {
    const { input } = setup();
    for (const [typed, expected] of [
      ['tin', ['Tineke Vos', 'Tineke Visser', 'Zoë Tinbergen']],
      ['visser', ['Tineke Visser']],
      ['tineke v', ['Tineke Vos', 'Tineke Visser']],
      ['Visser T', ['Tineke Visser']],
      ['zoe', ['Zoë Tinbergen']],
      ['ISSE', ['Tineke Visser']],
    ] as const) {
      await userEvent.clear(input);
      await userEvent.type(input, typed);
      expect(labels(), typed).toEqual(expected);
    }
  });

  it('offers everyone, most recent first, on Arrow Down; a hint goes with the name', async () => {
    const { input } = setup();
    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(labels()).toEqual(PEOPLE.map((p) => p.label));
    expect(activeLabel(input)).toBe('Vera Bakker');
    expect(screen.getAllByTestId('vp-option')[2]!.textContent).toContain('rust');
  });

  it('Escape closes the list, a second Escape puts the chosen name back', async () => {
    const { input, onchange } = setup({ value: 'v-anna' });
    expect(input.value).toBe('Anna de Vries');
    input.focus();
    await userEvent.keyboard('{Control>}a{/Control}bra');
    expect(input.getAttribute('aria-expanded')).toBe('false'); // nothing matches
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}ve');
    expect(input.getAttribute('aria-expanded')).toBe('true');

    await userEvent.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(input.value).toBe('ve');
    await userEvent.keyboard('{Escape}');
    expect(input.value).toBe('Anna de Vries');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('typing over the chosen name searches from what is typed', async () => {
    const { input } = setup({ value: 'v-anna' });
    await userEvent.click(input);
    await userEvent.keyboard('wim');
    expect(input.value).toBe('wim');
    expect(labels()).toEqual(['Wim Visscher']);

    // Also with the caret after the name instead of the name selected.
    await userEvent.keyboard('{Escape}{Escape}');
    input.setSelectionRange(input.value.length, input.value.length);
    await userEvent.keyboard('b');
    expect(input.value).toBe('b');
    expect(labels()).toEqual(['Vera Bakker', 'Zoë Tinbergen']);
  });

  it('says when nothing matches, in a line that is not an option, and Enter saves nothing', async () => {
    const { input, onchange, submitted } = setup();
    await userEvent.type(input, 'xyz{Enter}');
    expect(screen.getByTestId('vp-none').textContent).toBe('Geen treffers');
    expect(screen.getByTestId('vp-none').getAttribute('role')).toBe('status');
    expect(screen.queryAllByTestId('vp-option')).toHaveLength(0);
    expect(onchange).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
  });

  it('Tab leaves without choosing; an emptied field chooses nobody', async () => {
    const { input, onchange } = setup({ value: 'v-anna' });
    await userEvent.click(input);
    await userEvent.keyboard('tin');
    await userEvent.tab();
    expect(onchange).not.toHaveBeenCalled();
    expect(input.value).toBe('Anna de Vries');

    await userEvent.clear(input);
    await userEvent.tab();
    expect(onchange).toHaveBeenCalledWith('');
    expect(input.value).toBe('');
  });

  it('an emptied field chooses nobody also when emptied without an input event (WebDriver clear)', async () => {
    const { input, onchange } = setup({ value: 'v-anna' });
    input.focus();
    input.value = '';
    input.blur();
    expect(onchange).toHaveBeenCalledWith('');
  });

  it('a click on an option chooses it and keeps the focus in the field', async () => {
    const { input, onchange } = setup();
    await userEvent.type(input, 'anna');
    await userEvent.click(screen.getByTestId('vp-option'));
    expect(onchange).toHaveBeenCalledWith('v-anna');
    expect(input.value).toBe('Anna de Vries');
    expect(document.activeElement).toBe(input);
  });

  it('passes Enter to the form only while the list is closed', async () => {
    const onkeydown = vi.fn();
    const { input } = setup({ value: 'v-vera', onkeydown });
    input.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onkeydown).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    expect(onkeydown).toHaveBeenCalledTimes(1);
  });

  it('follows the combobox pattern: aria-expanded, aria-controls, aria-activedescendant, aria-selected', async () => {
    const { input } = setup({ invalid: true, describedBy: 'vp-help' });
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('vp-help');
    expect(input.getAttribute('aria-controls')).toBe(listbox().id);
    expect(input.dataset.testid).toBe('vp');

    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox', { name: 'Vrijwilliger' })).toBe(listbox());
    const options = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false', 'false', 'false']);
    await userEvent.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
  });

  it('shows at most 50 at a time and scrolls the active one into view', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `v-${i}`, label: `Vrijwilliger ${i + 1}` }));
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { input } = setup({ options: many });
    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByTestId('vp-option')).toHaveLength(50);
    expect(screen.getByText('En nog 200: typ verder om te zoeken')).toBeTruthy();
    await userEvent.keyboard('{ArrowDown}');
    expect(scrolled.mock.contexts.at(-1)).toBe(screen.getAllByTestId('vp-option')[1]);

    await userEvent.keyboard('{Control>}a{/Control}249');
    expect(labels()).toEqual(['Vrijwilliger 249']);
  });

  it('has no axe findings with the list open', async () => {
    const { input } = setup({ value: 'v-wim' });
    await userEvent.click(input);
    await userEvent.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
