// Verhalen voor rapporten, on Beheer → Gemeenten en subsidies: the stories with their period and
// state, added and changed in a form that shows every refusal at once, what in a story points at a
// person marked in its text by the backend's UTF-8 byte offsets (letters like "Éé" before it take
// two bytes each), chosen for reports or refused with every finding named, and removed after a
// question; in Dutch, and the labels once in English.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../api/backend';
import { setBackend } from '../../api/backend';
import type { Story } from '../../api/bindings';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, STORIES, storyFindings, type FakeBackend } from '../../test/fakeBackend';
import FundingScreen from './FundingScreen.svelte';

/** A clean story not chosen for reports, for the third state. */
const UNCHOSEN: Story = {
  id: 'st-walk',
  title: 'Een wandeling per week',
  text: 'Een maatje wandelt elke week met een buurtgenoot die weinig buiten kwam.',
  firstDay: '2024-09-01',
  lastDay: '2024-12-31',
  inReport: false,
  findings: [],
};

async function open(overrides: Partial<Backend> = {}): Promise<FakeBackend> {
  const backend = fakeBackend(overrides);
  setBackend(backend);
  render(FundingScreen);
  await screen.findAllByTestId('story-row');
  return backend;
}

function rows(): HTMLElement[] {
  return screen.getAllByTestId('story-row');
}

/** A row's title, period and state, as the coordinator reads them. */
function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td'))
    .slice(0, 3)
    .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

function input<T extends HTMLElement = HTMLInputElement>(testid: string): T {
  return screen.getByTestId(testid) as T;
}

function box(row: Element): HTMLInputElement {
  return within(row as HTMLElement).getByTestId('story-in-report') as HTMLInputElement;
}

/** What a mark holds, without the kind read out after it. */
function marked(): { text: string; kind: string | null }[] {
  return screen.getAllByTestId('story-finding-mark').map((mark) => ({ text: mark.firstChild?.textContent ?? '', kind: mark.getAttribute('title') }));
}

/** What axe finds on the screen; the screen is rendered here without the shell's <main>, so not `region`. */
async function axeViolations(): Promise<string[]> {
  const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
  const result = await axe.run(document.body, { rules, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => applyLanguage('nl'));

describe('the list', () => {
  it('shows each story with its period and whether it is in reports or still points at a person', async () => {
    await open({ stories: async () => [...structuredClone(STORIES), UNCHOSEN] });
    const section = screen.getByRole('region', { name: 'Verhalen voor rapporten' });
    expect(within(section).getByTestId('stories-help').textContent).toBe(
      'Een kort verhaal zegt een gemeente soms meer dan cijfers. Schrijf zonder namen, adressen of andere gegevens die naar iemand wijzen: Draagkracht controleert dat voordat een verhaal in een rapport mag.',
    );
    expect(rows().map(cells)).toEqual([
      ['Samen bellen', '01-07-2025 t/m 31-12-2025', 'Wijst nog naar een persoon (2)'],
      ['Weer grip op de post', '01-01-2025 t/m 30-06-2025', 'In rapporten'],
      ['Een wandeling per week', '01-09-2024 t/m 31-12-2024', 'Niet in rapporten'],
    ]);
    expect(rows().map((row) => box(row).checked)).toEqual([false, true, false]);
    expect(screen.getByRole('checkbox', { name: 'Weer grip op de post in rapporten' })).toBe(box(rows()[1]!));
    expect(screen.getByRole('table', { name: 'Verhalen, de nieuwste periode eerst' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Samen bellen bewerken' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Samen bellen verwijderen' })).toBeTruthy();
    // Nothing below a row until asked.
    expect(screen.queryByTestId('story-findings')).toBeNull();
  });
});

describe('adding and changing', () => {
  it('shows every refused field at once, the first focused, then adds the story', async () => {
    const backend = await open();
    await userEvent.click(screen.getByTestId('new-story'));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Nieuw verhaal');
    await waitFor(() => expect(document.activeElement).toBe(input('story-title')));
    expect(screen.getByLabelText('Titel')).toBe(input('story-title'));
    expect(screen.getByLabelText('Het verhaal')).toBe(input('story-text'));
    expect(screen.getByLabelText('Over de periode van')).toBe(input('story-from'));
    expect(screen.getByLabelText('Tot en met')).toBe(input('story-to'));

    await userEvent.type(input('story-text'), 'Een gezin kreeg weer overzicht.');
    expect(input('story-text-count').textContent?.trim()).toBe('31 / 3.000 tekens');
    expect(input('story-text').getAttribute('maxlength')).toBe('3000');
    await userEvent.type(input('story-from'), '1-13-2025');
    await userEvent.click(screen.getByTestId('story-save'));

    const title = await screen.findByTestId('story-error-name');
    expect(title.textContent).toContain('Vul een titel in.');
    expect(screen.getByTestId('story-error-from').textContent).toContain("'1-13-2025' is geen datum.");
    expect(screen.getByTestId('story-error-to').textContent).toContain("'' is geen datum.");
    expect(input('story-title').getAttribute('aria-describedby')).toContain(title.id);
    expect(input('story-to').getAttribute('aria-invalid')).toBe('true');
    expect(input('story-text').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('story-title')));

    await userEvent.type(input('story-title'), 'Overzicht terug');
    expect(screen.queryByTestId('story-error-name')).toBeNull();
    expect(screen.getByTestId('story-error-from')).toBeTruthy();
    await userEvent.clear(input('story-from'));
    await userEvent.type(input('story-from'), '1-1-2026');
    await userEvent.type(input('story-to'), '31-3-2026');
    await userEvent.click(screen.getByTestId('story-save'));

    expect(backend.saveStory).toHaveBeenLastCalledWith(null, { title: 'Overzicht terug', text: 'Een gezin kreeg weer overzicht.', from: '1-1-2026', to: '31-3-2026' });
    await waitFor(() => expect(screen.queryByTestId('story-form')).toBeNull());
    expect(screen.getByTestId('story-notice').textContent).toBe('Verhaal Overzicht terug is opgeslagen.');
    expect(cells(rows()[0]!)).toEqual(['Overzicht terug', '01-01-2026 t/m 31-03-2026', 'Niet in rapporten']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('new-story')));
  });

  it('shows at once what a saved story still points at', async () => {
    await open();
    await userEvent.click(screen.getByTestId('new-story'));
    await userEvent.type(input('story-title'), 'Post op orde');
    await userEvent.type(input('story-text'), 'Mail naar ria.kok@example.nl als je vragen hebt.');
    await userEvent.type(input('story-from'), '1-1-2026');
    await userEvent.type(input('story-to'), '31-1-2026');
    await userEvent.click(screen.getByTestId('story-save'));

    await waitFor(() => expect(screen.getByTestId('story-notice').textContent).toBe('Verhaal Post op orde is opgeslagen. Er staat nog iets in dat naar een persoon wijst. Hieronder zie je wat.'));
    expect(cells(rows()[0]!)[2]).toBe('Wijst nog naar een persoon (1)');
    expect(within(rows()[0]!).getByTestId('story-findings-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(marked()).toEqual([{ text: 'ria.kok@example.nl', kind: 'e-mailadres' }]);
    expect(screen.getAllByTestId('story-finding').map((li) => li.textContent)).toEqual(['‘ria.kok@example.nl’ is een e-mailadres.']);
  });

  it('changes a story in a form filled with what it holds, its findings marked under the text', async () => {
    const backend = await open();
    await userEvent.click(screen.getByRole('button', { name: 'Samen bellen bewerken' }));

    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Samen bellen wijzigen');
    expect(input('story-title').value).toBe('Samen bellen');
    expect(input<HTMLTextAreaElement>('story-text').value).toBe(STORIES[0]!.text);
    expect(input('story-from').value).toBe('01-07-2025');
    expect(input('story-to').value).toBe('31-12-2025');
    const form = screen.getByTestId('story-form');
    expect(within(form).getByTestId('story-findings-view').textContent).toContain('Zo staat het verhaal nu opgeslagen.');
    expect(marked().map((m) => m.text)).toEqual(['Ria', '06-12345678']);

    await userEvent.clear(input('story-text'));
    await userEvent.type(input('story-text'), 'Één keer per week belde een vrijwilliger om te horen hoe het ging.');
    await userEvent.click(screen.getByTestId('story-save'));

    expect(backend.saveStory).toHaveBeenCalledWith('st-phone', {
      title: 'Samen bellen',
      text: 'Één keer per week belde een vrijwilliger om te horen hoe het ging.',
      from: '01-07-2025',
      to: '31-12-2025',
    });
    await waitFor(() => expect(cells(rows()[0]!)).toEqual(['Samen bellen', '01-07-2025 t/m 31-12-2025', 'Niet in rapporten']));
    expect(screen.getByTestId('story-notice').textContent).toBe('Verhaal Samen bellen is opgeslagen.');
    expect(screen.queryByTestId('story-findings')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('edit-story')[0]));
  });

  it('says when a changed text takes a chosen story out of the reports', async () => {
    await open();
    await userEvent.click(screen.getByRole('button', { name: 'Weer grip op de post bewerken' }));
    await userEvent.type(input('story-text'), ' Het gezin is er blij mee.');
    await userEvent.click(screen.getByTestId('story-save'));

    await waitFor(() =>
      expect(screen.getByTestId('story-notice').textContent).toBe(
        'Verhaal Weer grip op de post is opgeslagen. Omdat de tekst is veranderd, staat het niet meer in rapporten. Zet het vinkje weer aan als het erin mag.',
      ),
    );
    expect(cells(rows()[1]!)[2]).toBe('Niet in rapporten');
    expect(box(rows()[1]!).checked).toBe(false);
  });
});

describe('what points at a person', () => {
  it('marks each finding by its byte offsets, even after letters of two bytes', async () => {
    await open();
    // The backend counts UTF-8 bytes: "Één keer belde " is 15 characters but 17 bytes.
    const story = STORIES[0]!;
    expect(story.text.startsWith('Één keer belde Ria 06-12345678')).toBe(true);
    expect(story.findings).toEqual([
      { kind: 'name', found: 'Ria', start: 17, end: 20 },
      { kind: 'phone', found: '06-12345678', start: 21, end: 32 },
    ]);

    const toggle = within(rows()[0]!).getByTestId('story-findings-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    expect(marked()).toEqual([
      { text: 'Ria', kind: 'naam uit de gegevens' },
      { text: '06-12345678', kind: 'telefoonnummer' },
    ]);
    // The kind is read out with the mark; the text around the marks is the story as written.
    expect(screen.getAllByTestId('story-finding-mark')[1]!.textContent).toBe('06-12345678 (telefoonnummer)');
    const text = screen.getByTestId('story-marked-text');
    const plain = Array.from(text.childNodes)
      .map((node) => (node instanceof HTMLElement ? (node.firstChild?.textContent ?? '') : (node.textContent ?? '')))
      .join('');
    expect(plain).toBe(story.text);
    expect(text.textContent).toContain('Één keer belde Ria (naam uit de gegevens) 06-12345678 (telefoonnummer) om te zeggen');

    const list = screen.getByRole('list', { name: 'Haal dit weg voordat het verhaal in een rapport mag:' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '‘Ria’ is een naam uit de gegevens.',
      '‘06-12345678’ is een telefoonnummer.',
    ]);
    expect(screen.queryByTestId('story-marked-title')).toBeNull();

    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('story-findings')).toBeNull();
  });

  it('marks a finding in the title in the title, and says so in the list', async () => {
    const title = 'Bellen met Ria';
    const text = 'Zij belde 06-12345678.';
    const story: Story = { ...UNCHOSEN, id: 'st-title', title, text, findings: [...storyFindings(title), ...storyFindings(text)] };
    await open({ stories: async () => [story] });
    await userEvent.click(screen.getByTestId('story-findings-toggle'));

    expect(screen.getByTestId('story-marked-title').textContent?.replace(/\s+/g, ' ').trim()).toBe('Titel: Bellen met Ria (naam uit de gegevens)');
    expect(within(screen.getByTestId('story-marked-text')).getAllByTestId('story-finding-mark').map((m) => m.firstChild?.textContent)).toEqual(['06-12345678']);
    expect(screen.getAllByTestId('story-finding').map((li) => li.textContent)).toEqual([
      '‘Ria’ in de titel is een naam uit de gegevens.',
      '‘06-12345678’ is een telefoonnummer.',
    ]);
  });
});

describe('choosing for reports', () => {
  it('takes a clean story out of the reports and puts it back', async () => {
    const backend = await open();
    const post = box(rows()[1]!);
    await userEvent.click(post);

    expect(backend.chooseStory).toHaveBeenCalledWith('st-post', false);
    await waitFor(() => expect(cells(rows()[1]!)[2]).toBe('Niet in rapporten'));
    expect(post.checked).toBe(false);
    expect(screen.getByTestId('story-notice').textContent).toBe('Weer grip op de post komt niet meer in rapporten.');

    await userEvent.keyboard(' ');
    expect(backend.chooseStory).toHaveBeenLastCalledWith('st-post', true);
    await waitFor(() => expect(cells(rows()[1]!)[2]).toBe('In rapporten'));
    expect(box(rows()[1]!).checked).toBe(true);
    expect(screen.getByTestId('story-notice').textContent).toBe('Weer grip op de post komt in rapporten over deze periode.');
    expect(document.activeElement).toBe(box(rows()[1]!));
  });

  it('shows the refusal beside a story that points at a person, with what to take out', async () => {
    const backend = await open();
    const phone = box(rows()[0]!);
    await userEvent.click(phone);

    expect(backend.chooseStory).toHaveBeenCalledWith('st-phone', true);
    const failure = await screen.findByTestId('story-choose-failure');
    expect(failure.textContent).toBe(
      "Dit verhaal kan nog niet in een rapport: haal eerst weg wat naar een persoon wijst: 'Ria' (een naam uit de gegevens), '06-12345678' (een telefoonnummer).",
    );
    expect(failure.getAttribute('role')).toBe('alert');
    // Right below its own row, the box unticked again and pointing at the message.
    expect(failure.closest('tr')?.previousElementSibling).toBe(rows()[0]);
    expect(phone.checked).toBe(false);
    expect(phone.getAttribute('aria-describedby')).toBe(failure.parentElement?.id);
    expect(document.activeElement).toBe(phone);
    expect(marked().map((m) => m.text)).toEqual(['Ria', '06-12345678']);
    expect(cells(rows()[0]!)[2]).toBe('Wijst nog naar een persoon (2)');

    // Choosing another story clears it.
    await userEvent.click(box(rows()[1]!));
    await waitFor(() => expect(screen.queryByTestId('story-choose-failure')).toBeNull());
  });
});

describe('accessibility', () => {
  it('has nothing axe objects to: a refusal with the marked text below its row, and the form with its findings', async () => {
    await open();
    await userEvent.click(box(rows()[0]!));
    await screen.findByTestId('story-choose-failure');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getAllByTestId('edit-story')[0]!);
    await screen.findByTestId('story-findings-view');
    await userEvent.clear(input('story-title'));
    await userEvent.click(screen.getByTestId('story-save'));
    await screen.findByTestId('story-error-name');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('removing', () => {
  it('asks first; cancelling keeps the story, confirming removes it', async () => {
    const backend = await open();
    await userEvent.click(screen.getAllByTestId('remove-story')[1]!);
    const panel = screen.getByTestId('story-remove-panel');
    expect(screen.getByRole('group', { name: 'Verhaal Weer grip op de post verwijderen?' })).toBe(panel);
    expect(panel.textContent).toContain('Rapporten die je al hebt bewaard, blijven zoals ze zijn.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('story-remove-confirm')));
    await userEvent.click(screen.getByTestId('story-remove-cancel'));
    expect(backend.removeStory).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('remove-story')[1]));

    await userEvent.click(screen.getAllByTestId('remove-story')[1]!);
    await userEvent.click(screen.getByTestId('story-remove-confirm'));
    expect(backend.removeStory).toHaveBeenCalledWith('st-post');
    await waitFor(() => expect(rows().map((row) => cells(row)[0])).toEqual(['Samen bellen']));
    expect(screen.getByTestId('story-notice').textContent).toBe('Verhaal Weer grip op de post is verwijderd.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Verhalen voor rapporten' })));
  });

  it('says when there are none yet', async () => {
    setBackend(fakeBackend({ stories: async () => [] }));
    render(FundingScreen);
    expect((await screen.findByTestId('stories-empty')).textContent).toContain('Nog geen verhalen.');
  });
});

describe('in English', () => {
  it('says it in English: the states, the form, the marks and the refusal', async () => {
    applyLanguage('en');
    await open();
    expect(screen.getByRole('heading', { name: 'Stories for reports' })).toBeTruthy();
    expect(rows().map(cells)).toEqual([
      ['Samen bellen', '01-07-2025 to 31-12-2025', 'Still points at a person (2)'],
      ['Weer grip op de post', '01-01-2025 to 30-06-2025', 'In reports'],
    ]);
    expect(screen.getByRole('checkbox', { name: 'Samen bellen in reports' })).toBe(box(rows()[0]!));

    await userEvent.click(box(rows()[0]!));
    expect((await screen.findByTestId('story-choose-failure')).textContent).toContain('This story cannot go into a report yet');
    expect(marked().map((m) => m.kind)).toEqual(['name from the records', 'phone number']);
    expect(screen.getByRole('list', { name: 'Take this out before the story may go into a report:' })).toBeTruthy();
    expect(screen.getAllByTestId('story-finding')[1]!.textContent).toBe('‘06-12345678’ is a phone number.');

    await userEvent.click(screen.getByTestId('new-story'));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('New story');
    expect(screen.getByLabelText('Title')).toBe(input('story-title'));
    expect(screen.getByLabelText('The story')).toBe(input('story-text'));
    expect(screen.getByLabelText('About the period from')).toBe(input('story-from'));
    expect(input('story-text-count').textContent?.trim()).toBe('0 / 3,000 characters');
  });
});
