// The attention list, the start screen: grouped by what to do, each group with its count and what is
// new; within a group one row per volunteer in the backend's order, each live signal with how urgent
// it is, its rule and why, in the current language; a calm line when nobody needs attention; a row
// opens its most urgent signal.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { ATTENTION, fakeBackend, GREY_SIGNAL, overviewOf, QUIET_SIGNAL, SIGNAL } from '../../test/fakeBackend';
import AttentionList from './AttentionList.svelte';

function texts(testid: string, inside: HTMLElement): string[] {
  return within(inside)
    .queryAllByTestId(testid)
    .map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

beforeEach(() => {
  applyLanguage('nl');
  navigate({ name: 'attention' });
});

describe('attention list', () => {
  it('groups the volunteers by what to do, each group with its count, in the order the backend gives', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(AttentionList);

    await screen.findAllByTestId('attention-row');
    expect(backend.attentionList).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aandacht nodig');
    expect(screen.getByTestId('attention-intro').textContent).toBe(
      'Signalen zijn geen oordeel: ze helpen je zien wie een gesprek, hulp van een professional of minder taken nodig heeft.',
    );
    // Anna is in two groups but counts once.
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('3 vrijwilligers hebben aandacht nodig');
    const groups = screen.getAllByTestId('attention-group');
    expect(groups.map((g) => g.dataset.group)).toEqual(['refer', 'talk', 'papers']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Doorverwijzen 1 vrijwilliger',
      'Deze week spreken 3 vrijwilligers',
      'Administratie 0 vrijwilligers',
    ]);
    expect(texts('attention-summary-refer', document.body)).toEqual(['Doorverwijzen: 1 vrijwilliger']);
    const [refer, talk, papers] = groups as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(papers).getByTestId('attention-group-empty').textContent).toBe('Niets te doen.');

    // Each group holds only its own signals: Anna's complex case to refer, her hours to talk about.
    const [annaRefer] = within(refer).getAllByTestId('attention-row') as [HTMLElement];
    expect(texts('signal-rule', annaRefer)).toEqual(['Complexe casus zonder professional']);
    expect(texts('signal-seen', annaRefer)).toEqual(['gezien']);
    const talkRows = within(talk).getAllByTestId('attention-row');
    expect(talkRows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Anna de Vries', 'Bram Jansen', 'Carla Bakker']);
    const [anna, bram, carla] = talkRows as [HTMLElement, HTMLElement, HTMLElement];
    expect(texts('signal-rule', anna)).toEqual(['Meer uren dan afgesproken']);
    expect(texts('signal-why', anna)).toEqual([SIGNAL.explanation]);
    expect(texts('signal-seen', anna)).toEqual([]);
    expect(texts('signal-severity', bram)).toEqual(['let op']);
    expect(texts('signal-rule', bram)).toEqual(['Vaak grijs gebied']);
    expect(texts('signal-severity', carla)).toEqual(['ter info']);
    expect(texts('signal-why', carla)).toEqual([QUIET_SIGNAL.explanation]);
    expect(screen.queryAllByTestId('signal-new')).toHaveLength(0);

    // Each signal leads to its own page; each row to the volunteer's page too.
    expect(within(anna).getByTestId('signal-rule').getAttribute('href')).toBe('#/signals/s-hours');
    expect(within(anna).getByTestId('attention-volunteer-link').getAttribute('href')).toBe('#/volunteers/v-anna');
    expect(within(anna).getByTestId('attention-volunteer-link').textContent).toBe('Pagina van Anna de Vries');
  });

  it('marks what opened since the last look, and counts it per group', async () => {
    setBackend(fakeBackend({ attentionList: async () => overviewOf(ATTENTION, ['s-case', 's-quiet'], '2025-11-30T09:00:00Z') }));
    render(AttentionList);
    await screen.findAllByTestId('attention-row');
    expect(texts('attention-summary-refer', document.body)).toEqual(['Doorverwijzen: 1 vrijwilliger1 nieuw']);
    expect(texts('attention-summary-talk', document.body)).toEqual(['Deze week spreken: 3 vrijwilligers1 nieuw']);
    expect(texts('attention-summary-papers', document.body)).toEqual(['Administratie: 0 vrijwilligers']);
    const lines = screen.getAllByTestId('attention-signal');
    const marked = lines.filter((l) => within(l).queryByTestId('signal-new')).map((l) => within(l).getByTestId('signal-rule').textContent);
    expect(marked).toEqual(['Complexe casus zonder professional', 'Stil geworden']);
  });

  it('moves to a group from its count', async () => {
    setBackend(fakeBackend());
    render(AttentionList);
    await screen.findAllByTestId('attention-row');
    await userEvent.click(screen.getByTestId('attention-summary-papers'));
    expect(document.activeElement?.id).toBe('attention-papers');
  });

  it('keeps the backend order rather than sorting by itself', async () => {
    setBackend(fakeBackend({ attentionList: async () => overviewOf([ATTENTION[2]!, ATTENTION[0]!]) }));
    render(AttentionList);
    const rows = await screen.findAllByTestId('attention-row');
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Anna de Vries', 'Carla Bakker', 'Anna de Vries']);
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('2 vrijwilligers hebben aandacht nodig');
  });

  it('says it in English: groups, severity, rule, why and the count', async () => {
    applyLanguage('en');
    setBackend(fakeBackend({ attentionList: async () => overviewOf([ATTENTION[1]!], [GREY_SIGNAL.id]) }));
    render(AttentionList);

    const [row] = await screen.findAllByTestId('attention-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Needs attention');
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('1 volunteer needs attention');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Refer 0 volunteers',
      'Talk this week 1 volunteer',
      'Paperwork 0 volunteers',
    ]);
    expect(texts('signal-new', row!)).toEqual(['new']);
    expect(texts('signal-severity', row!)).toEqual(['take note']);
    expect(texts('signal-rule', row!)).toEqual(['Often in the grey zone']);
    expect(texts('signal-why', row!)).toEqual(['Bram Jansen did something from the grey zone 3 times in the last 4 weeks.']);
  });

  it('names every severity in both languages', async () => {
    setBackend(fakeBackend());
    const { unmount } = render(AttentionList);
    await screen.findAllByTestId('attention-row');
    expect(screen.getAllByTestId('signal-severity').map((b) => b.textContent)).toEqual(['signaal', 'signaal', 'let op', 'ter info']);
    applyLanguage('en');
    await tick();
    expect(screen.getAllByTestId('signal-severity').map((b) => b.textContent)).toEqual(['alert', 'alert', 'take note', 'for info']);
    expect(screen.getAllByTestId('signal-seen').map((b) => b.textContent)).toEqual(['seen']);
    unmount();
  });

  it('says calmly when nobody needs attention', async () => {
    setBackend(fakeBackend({ attentionList: async () => overviewOf([]) }));
    render(AttentionList);

    const empty = await screen.findByTestId('attention-empty');
    expect(empty.textContent).toContain('Niemand heeft nu extra aandacht nodig.');
    expect(screen.queryAllByTestId('attention-row')).toHaveLength(0);
    expect(screen.queryByTestId('attention-count')).toBeNull();
  });

  it('opens the most urgent signal of a row on a click or on Enter', async () => {
    setBackend(fakeBackend());
    render(AttentionList);
    const rows = await screen.findAllByTestId('attention-row');

    await userEvent.click(rows[0]!.querySelector('th')!);
    expect(route()).toEqual({ name: 'signal', id: 's-case' });

    navigate({ name: 'attention' });
    rows[2]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(route()).toEqual({ name: 'signal', id: 's-grey' });
  });

  it('lets the link to the volunteer page go where it says, not to the signal', async () => {
    setBackend(fakeBackend());
    render(AttentionList);
    const rows = await screen.findAllByTestId('attention-row');
    const link = within(rows[2]!).getByTestId('attention-volunteer-link');
    link.addEventListener('click', (event) => event.preventDefault());

    await userEvent.click(link);
    expect(route()).toEqual({ name: 'attention' });
  });

  it('says so when the list cannot be read', async () => {
    setBackend(
      fakeBackend({
        attentionList: async () => {
          throw { code: 'storage', message: 'De database kan niet gelezen worden.', messageEn: 'Cannot read.', field: null, reason: null };
        },
      }),
    );
    render(AttentionList);
    expect((await screen.findByRole('alert')).textContent).toContain('De database kan niet gelezen worden.');
  });
});
