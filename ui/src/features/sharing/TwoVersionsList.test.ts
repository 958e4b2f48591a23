// "Twee versies": each item in words (the record, the field, both values with who and when),
// putting the other version back or leaving it as it is, and the calm line once none are left.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { fakeBackend, fakeVault, sharingBranch, TWO_VERSIONS, type FakeSharing } from '../../test/fakeBackend';
import TwoVersionsList from './TwoVersionsList.svelte';
import { fieldLabel, tableLabel, valueText } from './vocabulary';

async function show(sharing: FakeSharing = sharingBranch()) {
  const backend = fakeBackend({}, fakeVault(), sharing);
  setBackend(backend);
  const onsettled = vi.fn();
  render(TwoVersionsList, { reload: 0, onsettled });
  await screen.findAllByTestId('two-versions-item');
  return { backend, onsettled, sharing };
}

function texts(testid: string): string[] {
  return screen.getAllByTestId(testid).map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

beforeEach(() => {
  applyLanguage('nl');
});

describe('two versions list', () => {
  it('shows each item: the record and the field in words, the kept value and the other, with who and when', async () => {
    await show();

    expect(texts('two-versions-title')).toEqual([
      'Telefoon van Anna de Vries (vrijwilliger)',
      'Duur van Anna de Vries, 24-11-2025 (uren)',
      'Contactgegevens van D-017 (deelnemer)',
    ]);
    expect(texts('two-versions-kept')).toEqual(['06-12345678', '2 uur', '(leeg)']);
    expect(texts('two-versions-other')).toEqual(['06-87654321', '1,5 uur', 'Belt liever na 10 uur']);
    expect(texts('two-versions-kept-by')[0]).toBe('door Laptop Anna op 26-11-2025 10:12');
    expect(texts('two-versions-other-by')[0]).toBe('door Laptop Marieke op 26-11-2025 09:58');
    const first = screen.getAllByTestId('two-versions-item')[0]!;
    const putBack = within(first).getByRole('button', { name: 'Andere versie terugzetten' });
    expect(within(first).getByRole('button', { name: 'Zo laten' })).toBeTruthy();
    // Each button says which item it is about.
    expect(putBack.getAttribute('aria-describedby')).toBe('tv-3');
    expect(document.getElementById('tv-3')?.textContent).toContain('Telefoon van Anna de Vries');
  });

  it('puts the other version back: asks with the item and true, the item leaves, the focus moves to the next', async () => {
    const { backend, onsettled, sharing } = await show();
    let finish: () => void = () => {};
    const settle = backend.settleTwoVersions.getMockImplementation()!;
    backend.settleTwoVersions.mockImplementationOnce((id, putBack) => new Promise<void>((resolve) => (finish = resolve)).then(() => settle(id, putBack)));

    await userEvent.click(within(screen.getAllByTestId('two-versions-item')[0]!).getByTestId('two-versions-put-back'));
    expect(texts('two-versions-put-back')[0]).toBe('Bezig…');
    expect(screen.getAllByTestId('two-versions-leave').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    finish();

    expect((await screen.findByTestId('two-versions-done')).textContent).toContain('De andere versie staat weer bij Anna de Vries.');
    expect(backend.settleTwoVersions).toHaveBeenCalledWith(3, true);
    expect(texts('two-versions-title')).toEqual(['Duur van Anna de Vries, 24-11-2025 (uren)', 'Contactgegevens van D-017 (deelnemer)']);
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('tv-2')));
    expect(onsettled).toHaveBeenCalledTimes(1);
    expect(sharing.twoVersions.map((v) => v.id)).toEqual([2n, 1n]);
    // Putting back is a new change, to be sent.
    expect(sharing.status.changesWaiting).toBe(4n);
  });

  it('leaves it as it is: asks with false; the last one gone, the list says calmly there are none', async () => {
    const { backend, onsettled } = await show(sharingBranch({ twoVersions: [structuredClone(TWO_VERSIONS[2]!)] }));

    await userEvent.click(screen.getByRole('button', { name: 'Zo laten' }));

    expect((await screen.findByTestId('two-versions-done')).textContent).toBe('Bij D-017 blijft het zoals het is.');
    expect(backend.settleTwoVersions).toHaveBeenCalledWith(1, false);
    expect(screen.queryByTestId('two-versions-item')).toBeNull();
    expect(screen.getByTestId('two-versions-empty').textContent).toContain('Er zijn geen twee versies. Je hoeft niets na te kijken.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Twee versies' })));
    expect(onsettled).toHaveBeenCalledTimes(1);
  });

  it('after the last item, the focus goes to the one before it', async () => {
    const { backend } = await show();

    await userEvent.click(within(screen.getAllByTestId('two-versions-item')[2]!).getByTestId('two-versions-leave'));

    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('tv-2')));
    expect(backend.settleTwoVersions).toHaveBeenCalledWith(1, false);
  });

  it('says why a choice failed, at its item, and keeps the item', async () => {
    const { onsettled } = await show(sharingBranch());
    setBackend(
      fakeBackend({
        settleTwoVersions: async () => {
          throw { code: 'not_found', message: 'Deze twee versies bestaan niet (meer).', messageEn: 'These two versions do not exist (any more).', field: null, reason: null };
        },
      }),
    );

    await userEvent.click(within(screen.getAllByTestId('two-versions-item')[1]!).getByTestId('two-versions-put-back'));

    const failure = await screen.findByTestId('two-versions-failure');
    expect(failure.textContent).toBe('Deze twee versies bestaan niet (meer).');
    expect(failure.closest('[data-testid="two-versions-item"]')).toBe(screen.getAllByTestId('two-versions-item')[1]);
    expect(screen.getAllByTestId('two-versions-item')).toHaveLength(3);
    expect(onsettled).not.toHaveBeenCalled();
  });

  it('is calm when there are none', async () => {
    setBackend(fakeBackend({}, fakeVault(), sharingBranch({ twoVersions: [] })));
    render(TwoVersionsList, { reload: 0, onsettled: vi.fn() });

    expect((await screen.findByTestId('two-versions-empty')).textContent?.trim()).toBe('Er zijn geen twee versies. Je hoeft niets na te kijken.');
    expect(screen.getByTestId('two-versions-empty').classList.contains('empty-calm')).toBe(true);
  });

  it('speaks English too', async () => {
    applyLanguage('en');
    await show();

    expect(texts('two-versions-title')[0]).toBe('Phone of Anna de Vries (volunteer)');
    expect(texts('two-versions-kept')).toEqual(['06-12345678', '2 hours', '(empty)']);
    expect(texts('two-versions-kept-by')[0]).toBe('by Laptop Anna on 26-11-2025 10:12');
    expect(screen.getAllByRole('button', { name: 'Put the other version back' })).toHaveLength(3);
  });
});

describe('two versions vocabulary', () => {
  it('names known tables and fields in words, and shows an unknown one as it came', () => {
    expect(fieldLabel('volunteers', 'phone')).toBe('Telefoon');
    expect(fieldLabel('volunteers', 'name')).toBe('Naam');
    expect(fieldLabel('hour_entries', 'minutes')).toBe('Duur');
    expect(fieldLabel('programmes', 'name')).toBe('Naam');
    expect(fieldLabel('volunteers', 'shoe_size')).toBe('shoe_size');
    expect(fieldLabel('volunteers', 'constructor')).toBe('constructor');
    expect(tableLabel('participants')).toBe('deelnemer');
    expect(tableLabel('toString')).toBe('toString');
    applyLanguage('en');
    expect(fieldLabel('volunteers', 'phone')).toBe('Phone');
    expect(fieldLabel('hour_entries', 'minutes')).toBe('Duration');
  });

  it('shows values the way the rest of the window does', () => {
    const check = (table: string, field: string, value: string, shown: string) => expect(valueText(table, field, value), `${table}.${field} = ${value}`).toBe(shown);
    check('volunteers', 'phone', '', '(leeg)');
    check('hour_entries', 'minutes', '90', '1,5 uur');
    check('volunteers', 'agreed_minutes_per_week', '240', '4 uur');
    check('volunteers', 'start_date', '2024-03-01', '01-03-2024');
    check('volunteers', 'status', 'resting', 'rust');
    check('hour_entries', 'kind', 'travel', 'Reistijd');
    check('allowances', 'amount_cents', '560', '€ 5,60');
    check('programmes', 'active', '0', 'nee');
    check('matches', '_row', '0', 'verwijderd');
    check('volunteers', 'name', 'Anna de Vries', 'Anna de Vries');
    // A number where none is expected stays a number.
    check('programmes', 'max_months', '12', '12');
  });
});
