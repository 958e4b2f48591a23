// The frame of a list page: the heading with its action, the toolbar with the count said aloud,
// one of loading / failure / empty / table, and the table inside its scroll frame named by the caption.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../api/bindings';
import { applyLanguage } from '../i18n/i18n.svelte';
import ListPageFrame from '../test/ListPageFrame.svelte';

const ROWS = [
  { id: 'a', name: 'Anna' },
  { id: 'b', name: 'Bram' },
];

const FAILURE: ApiError = {
  code: 'storage',
  message: 'De gegevens konden niet worden gelezen.',
  messageEn: 'The data could not be read.',
  field: null,
  reason: null,
};

beforeEach(() => applyLanguage('nl'));

describe('list page', () => {
  it('has the heading, focused on arrival, with the action beside it and what comes above the toolbar', async () => {
    render(ListPageFrame, { props: { rows: ROWS } });
    await tick();

    const heading = screen.getByRole('heading', { level: 1, name: 'Dingen' });
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(heading);
    expect(heading.closest('.page-head')?.contains(screen.getByTestId('new-thing'))).toBe(true);
    expect(screen.getByTestId('above').textContent).toBe('Bovenaan');
  });

  it('leaves the action out when the page has none', () => {
    render(ListPageFrame, { props: { rows: ROWS, withAction: false } });
    expect(screen.queryByTestId('new-thing')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).parentElement?.children).toHaveLength(1);
  });

  it('puts the page fields and the count in a search toolbar, the count as a status', async () => {
    const { rerender } = render(ListPageFrame, { props: { rows: null } });

    const toolbar = screen.getByRole('search');
    expect(toolbar.contains(screen.getByLabelText('Zoeken'))).toBe(true);
    const status = screen.getByRole('status');
    expect(status).toBe(screen.getByTestId('thing-count'));
    expect(toolbar.contains(status)).toBe(true);
    // Present while loading, so that the count is announced when it comes.
    expect(status.textContent).toBe('');

    await rerender({ rows: ROWS, count: '2 dingen' });
    expect(screen.getByTestId('thing-count').textContent).toBe('2 dingen');
  });

  it('says it is loading while the rows are not there', () => {
    render(ListPageFrame, { props: { rows: null } });
    expect(screen.getByText('Bezig met laden…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByTestId('things-empty')).toBeNull();
  });

  it('shows a failure instead of loading, and above the rows it had', async () => {
    const { rerender } = render(ListPageFrame, { props: { rows: null, failure: FAILURE } });
    expect(screen.getByRole('alert').textContent).toBe('De gegevens konden niet worden gelezen.');
    expect(screen.queryByText('Bezig met laden…')).toBeNull();

    await rerender({ rows: ROWS, failure: FAILURE });
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getAllByTestId('thing-row')).toHaveLength(2);
  });

  it('says so when there are no rows', () => {
    render(ListPageFrame, { props: { rows: [], count: '0 dingen' } });
    expect(screen.getByTestId('things-empty').textContent).toBe('Nog geen dingen.');
    expect(screen.getByTestId('things-empty').classList.contains('empty-state')).toBe(true);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the rows in a captioned table inside the scroll frame, named by the caption while it scrolls', async () => {
    const onopen = vi.fn();
    render(ListPageFrame, { props: { rows: ROWS, onopen } });

    const table = screen.getByRole('table', { name: 'Dingen. Kies een rij om het ding te openen.' });
    expect(table.classList.contains('table-rows')).toBe(true);
    expect(table.querySelector('caption')?.classList.contains('visually-hidden')).toBe(true);
    const frame = table.parentElement!;
    expect(frame.classList.contains('table-scroll')).toBe(true);

    Object.defineProperty(frame, 'scrollWidth', { configurable: true, get: () => 900 });
    Object.defineProperty(frame, 'clientWidth', { configurable: true, get: () => 600 });
    window.dispatchEvent(new Event('resize'));
    await tick();
    expect(screen.getByRole('region', { name: 'Dingen. Kies een rij om het ding te openen.' })).toBe(frame);

    const rows = screen.getAllByTestId('thing-row');
    expect(rows.map((row) => row.textContent)).toEqual(['Anna', 'Bram']);
    expect(rows.map((row) => row.dataset.thing)).toEqual(['a', 'b']);
    expect(rows[0]!.classList.contains('clickable-row')).toBe(true);
    expect(rows[0]!.tabIndex).toBe(0);
    await userEvent.click(rows[1]!);
    expect(onopen).toHaveBeenLastCalledWith(ROWS[1]);
    await fireEvent.keyDown(rows[0]!, { key: 'Enter' });
    expect(onopen).toHaveBeenLastCalledWith(ROWS[0]);
  });
});
