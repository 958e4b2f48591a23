// The search box of a list page: labelled, described by its help, and settling once typing pauses
// or at once on Enter.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import SearchField from './SearchField.svelte';
import { DebouncedSearch } from './search.svelte';

describe('search field', () => {
  it('is a labelled search box described by its help', () => {
    render(SearchField, { props: { id: 'x-search', label: 'Zoeken', hint: 'Op naam', testid: 'x-search', search: new DebouncedSearch(50) } });

    const box = screen.getByLabelText('Zoeken') as HTMLInputElement;
    expect(box).toBe(screen.getByTestId('x-search'));
    expect(box.type).toBe('search');
    expect(box.autocomplete).toBe('off');
    expect(box.getAttribute('aria-describedby')).toBe('x-search-help');
    expect(document.getElementById('x-search-help')?.textContent).toBe('Op naam');
  });

  it('settles once typing pauses, and at once on Enter', async () => {
    const search = new DebouncedSearch(50);
    render(SearchField, { props: { id: 'x-search', label: 'Zoeken', testid: 'x-search', search } });
    const box = screen.getByTestId('x-search');

    await userEvent.type(box, 'an');
    expect(search.text).toBe('an');
    expect(search.settled).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(search.settled).toBe('an');

    await userEvent.type(box, 'n');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(search.settled).toBe('ann');
  });
});
