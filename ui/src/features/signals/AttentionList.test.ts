// The attention list, the start screen: one row per volunteer in the backend's order, each live
// signal with how urgent it is, its rule and why, in the current language; a calm line when nobody
// needs attention; a row opens its most urgent signal.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate, route } from '../../routing.svelte';
import { ATTENTION, fakeBackend, QUIET_SIGNAL, SIGNAL } from '../../test/fakeBackend';
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
  it('shows one row per volunteer in the order the backend gives, with each signal, how urgent and why', async () => {
    const backend = fakeBackend();
    setBackend(backend);
    render(AttentionList);

    const rows = await screen.findAllByTestId('attention-row');
    expect(backend.attentionList).toHaveBeenCalledTimes(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Anna de Vries', 'Bram Jansen', 'Carla Bakker']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aandacht nodig');
    expect(screen.getByTestId('attention-intro').textContent).toBe(
      'Signalen zijn geen oordeel: ze helpen je zien wie een gesprek, hulp van een professional of minder taken nodig heeft.',
    );
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('3 vrijwilligers hebben aandacht nodig');

    const [anna, bram, carla] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(texts('signal-rule', anna)).toEqual(['Meer uren dan afgesproken', 'Complexe casus zonder professional']);
    expect(texts('signal-severity', anna)).toEqual(['signaal', 'signaal']);
    expect(texts('signal-why', anna)[0]).toBe(SIGNAL.explanation);
    // The case signal was seen already; the hours signal not.
    expect(texts('signal-seen', anna)).toEqual(['gezien']);
    const lines = within(anna).getAllByTestId('attention-signal');
    expect(within(lines[0]!).queryByTestId('signal-seen')).toBeNull();
    expect(within(lines[1]!).getByTestId('signal-seen')).toBeTruthy();

    expect(texts('signal-severity', bram)).toEqual(['let op']);
    expect(texts('signal-rule', bram)).toEqual(['Vaak grijs gebied']);
    expect(texts('signal-severity', carla)).toEqual(['ter info']);
    expect(texts('signal-rule', carla)).toEqual(['Stil geworden']);
    expect(texts('signal-why', carla)).toEqual([QUIET_SIGNAL.explanation]);

    // Each signal leads to its own page; each row to the volunteer's page too.
    expect(within(anna).getAllByTestId('signal-rule').map((a) => a.getAttribute('href'))).toEqual(['#/signals/s-hours', '#/signals/s-case']);
    expect(within(anna).getByTestId('attention-volunteer-link').getAttribute('href')).toBe('#/volunteers/v-anna');
    expect(within(anna).getByTestId('attention-volunteer-link').textContent).toBe('Pagina van Anna de Vries');
  });

  it('keeps the backend order rather than sorting by itself', async () => {
    setBackend(fakeBackend({ attentionList: async () => [ATTENTION[2]!, ATTENTION[0]!] }));
    render(AttentionList);
    const rows = await screen.findAllByTestId('attention-row');
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Carla Bakker', 'Anna de Vries']);
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('2 vrijwilligers hebben aandacht nodig');
  });

  it('says it in English: severity, rule, why and the count', async () => {
    applyLanguage('en');
    setBackend(fakeBackend({ attentionList: async () => [ATTENTION[1]!] }));
    render(AttentionList);

    const [row] = await screen.findAllByTestId('attention-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Needs attention');
    expect(screen.getByTestId('attention-count').textContent?.trim()).toBe('1 volunteer needs attention');
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
    setBackend(fakeBackend({ attentionList: async () => [] }));
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
    expect(route()).toEqual({ name: 'signal', id: 's-hours' });

    navigate({ name: 'attention' });
    rows[1]!.focus();
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
