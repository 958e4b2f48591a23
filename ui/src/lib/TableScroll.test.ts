// The frame around a data table: it scrolls sideways itself, and only while the table is wider
// than the frame is it a named region the keyboard can reach.
import { render, screen } from '@testing-library/svelte';
import axe from 'axe-core';
import { createRawSnippet, tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import TableScroll from './TableScroll.svelte';

const table = createRawSnippet(() => ({
  render: () =>
    '<table class="table" data-testid="table"><caption>Uren per maand</caption><thead><tr><th scope="col">Maand</th><th scope="col">Uren</th></tr></thead><tbody><tr><th scope="row" class="nowrap">jan 2025</th><td class="numeric nowrap">1.250</td></tr></tbody></table>',
}));

/** Makes the frame as wide as `frame` pixels around a table of `content` pixels, and says so. */
async function size(frame: HTMLElement, content: number, width: number) {
  Object.defineProperty(frame, 'scrollWidth', { configurable: true, get: () => content });
  Object.defineProperty(frame, 'clientWidth', { configurable: true, get: () => width });
  window.dispatchEvent(new Event('resize'));
  await tick();
}

describe('table frame', () => {
  it('is a plain frame while the table fits', () => {
    render(TableScroll, { props: { label: 'Uren per maand', children: table } });

    const frame = screen.getByTestId('table').parentElement!;
    expect(frame.classList.contains('table-scroll')).toBe(true);
    expect(frame.getAttribute('role')).toBeNull();
    expect(frame.getAttribute('tabindex')).toBeNull();
    expect(frame.getAttribute('aria-label')).toBeNull();
  });

  it('becomes a named region the keyboard can reach while the table is wider, and passes axe', async () => {
    render(TableScroll, { props: { label: 'Uren per maand', children: table, class: 'report-table-wrap', testid: 'frame' } });
    const frame = screen.getByTestId('frame');
    expect(frame.className).toContain('report-table-wrap');

    await size(frame, 900, 600);
    expect(frame.getAttribute('role')).toBe('region');
    expect(frame.getAttribute('aria-label')).toBe('Uren per maand');
    expect(frame.getAttribute('tabindex')).toBe('0');
    expect(frame.classList.contains('table-scroll-overflows')).toBe(true);
    expect(screen.getByRole('region', { name: 'Uren per maand' })).toBe(frame);
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    // A wider window: the table fits again, and the frame is no stop for the keyboard.
    await size(frame, 900, 1000);
    expect(frame.getAttribute('role')).toBeNull();
    expect(frame.getAttribute('tabindex')).toBeNull();
  });
});
