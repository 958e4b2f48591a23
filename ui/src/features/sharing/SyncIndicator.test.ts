// The header's sync line: hidden unless the branch is shared; otherwise the folder that cannot be
// reached, the changes that wait, or when it last synchronised, and a link to the "Twee versies".
// It asks anew every half minute and when the window gets the focus back.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../App.svelte';
import { setBackend } from '../../api/backend';
import { applyLanguage } from '../../i18n/i18n.svelte';
import { navigate } from '../../routing.svelte';
import {
  fakeBackend,
  fakeSharing,
  fakeVault,
  momentAt,
  sharingBranch,
  SHARING,
  SHARED_FOLDER,
  TODAY,
  unreachable,
  type FakeSharing,
} from '../../test/fakeBackend';
import { keepSharing } from './status.svelte';
import SyncIndicator from './SyncIndicator.svelte';

/** The line for this branch, once the backend has answered. */
async function show(sharing: FakeSharing) {
  const backend = fakeBackend({}, fakeVault(), sharing);
  setBackend(backend);
  render(SyncIndicator, { today: TODAY });
  await waitFor(() => expect(backend.sharingStatus).toHaveBeenCalled());
  return backend;
}

function line(): string {
  return screen.getByTestId('sync-indicator-line').textContent ?? '';
}

/** Shared, everything sent, last synchronised today at 14:05, no "Twee versies". */
function synced(overrides: Partial<FakeSharing['status']> = {}): FakeSharing {
  return sharingBranch({ status: { ...structuredClone(SHARING), changesWaiting: 0n, twoVersions: 0, ...overrides }, twoVersions: [] });
}

beforeEach(() => {
  applyLanguage('nl');
  keepSharing(null);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('sync indicator', () => {
  it('is not there when the branch is not shared', async () => {
    // What it knew before (sharing, say, before a restore) gives way to the backend's answer.
    keepSharing(structuredClone(SHARING));
    const backend = await show(fakeSharing());
    await waitFor(() => expect(screen.queryByTestId('sync-indicator')).toBeNull());
    expect(backend.sharingStatus).toHaveBeenCalledTimes(1);
  });

  it('says when it last synchronised, announced politely', async () => {
    await show(synced());

    await waitFor(() => expect(line()).toBe('Gesynchroniseerd om 14:05'));
    expect(screen.getByTestId('sync-indicator').getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByTestId('sync-indicator-two-versions')).toBeNull();
  });

  it('names the day when that was not today, and says when it never did', async () => {
    await show(synced({ lastSyncedAt: momentAt('2025-11-24T08:30:00') }));
    await waitFor(() => expect(line()).toBe('Gesynchroniseerd op 24-11-2025 om 08:30'));
  });

  it('says it has not synchronised yet', async () => {
    await show(synced({ lastSyncedAt: null }));
    await waitFor(() => expect(line()).toBe('Nog niet gesynchroniseerd'));
  });

  it('counts the changes that wait to be sent', async () => {
    await show(synced({ changesWaiting: 3n }));
    await waitFor(() => expect(line()).toBe('3 wijzigingen wachten'));
  });

  it('says one change waits', async () => {
    await show(synced({ changesWaiting: 1n }));
    await waitFor(() => expect(line()).toBe('1 wijziging wacht'));
  });

  it('says the folder cannot be reached and the work is kept, before anything else', async () => {
    await show(synced({ changesWaiting: 3n, lastFailure: unreachable(SHARED_FOLDER) }));

    await waitFor(() => expect(line()).toBe('Map niet bereikbaar — je werk blijft bewaard'));
    expect(screen.getByTestId('sync-indicator').classList.contains('sync-indicator-problem')).toBe(true);
  });

  it('says when synchronising fails for another reason, and links to where the message is', async () => {
    const removed = {
      code: 'storage' as const,
      message: 'Deze laptop is uit de afdeling verwijderd en kan niet meer met de andere laptops samenwerken.',
      messageEn: 'This laptop was removed from the branch and can no longer work with the other laptops.',
      field: null,
      reason: null,
    };
    await show(synced({ lastFailure: removed }));

    await waitFor(() => expect(line()).toBe('Synchroniseren lukt niet — kijk bij Samenwerken'));
    expect(screen.getByTestId('sync-indicator-line').getAttribute('href')).toBe('#/sharing');
    expect(screen.getByTestId('sync-indicator').classList.contains('sync-indicator-problem')).toBe(true);
  });

  it('links to the "Twee versies" when there are any', async () => {
    await show(sharingBranch());

    const link = await screen.findByTestId('sync-indicator-two-versions');
    expect(link.textContent).toBe('3 × twee versies');
    expect(link.getAttribute('href')).toBe('#/sharing');
  });

  it('asks again when the window gets the focus back', async () => {
    const sharing = synced();
    const backend = await show(sharing);
    await waitFor(() => expect(line()).toBe('Gesynchroniseerd om 14:05'));

    sharing.status.lastFailure = unreachable(SHARED_FOLDER);
    window.dispatchEvent(new Event('focus'));

    await waitFor(() => expect(line()).toBe('Map niet bereikbaar — je werk blijft bewaard'));
    expect(backend.sharingStatus).toHaveBeenCalledTimes(2);
  });

  it('asks again every half minute, and stops once it is gone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const sharing = synced();
    const backend = fakeBackend({}, fakeVault(), sharing);
    setBackend(backend);
    const { unmount } = render(SyncIndicator, { today: TODAY });
    await waitFor(() => expect(line()).toBe('Gesynchroniseerd om 14:05'));

    sharing.status.changesWaiting = 2n;
    vi.advanceTimersByTime(29_000);
    expect(backend.sharingStatus).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    await waitFor(() => expect(line()).toBe('2 wijzigingen wachten'));
    expect(backend.sharingStatus).toHaveBeenCalledTimes(2);

    unmount();
    vi.advanceTimersByTime(60_000);
    expect(backend.sharingStatus).toHaveBeenCalledTimes(2);
  });

  it('keeps what it knew when asking fails', async () => {
    const backend = await show(synced());
    await waitFor(() => expect(line()).toBe('Gesynchroniseerd om 14:05'));
    backend.sharingStatus.mockRejectedValueOnce({ code: 'storage', message: 'Even niet.', messageEn: 'Not now.', field: null, reason: null });

    window.dispatchEvent(new Event('focus'));

    await waitFor(() => expect(backend.sharingStatus).toHaveBeenCalledTimes(2));
    expect(line()).toBe('Gesynchroniseerd om 14:05');
  });

  it('sits in the header, after the language switch, and speaks English', async () => {
    setBackend(fakeBackend({}, fakeVault(), synced({ changesWaiting: 3n })));
    navigate({ name: 'overview' });
    render(App);

    const indicator = await screen.findByTestId('sync-indicator');
    expect(within(screen.getByRole('banner')).getByTestId('sync-indicator')).toBe(indicator);
    // After the language switch and the lock button, where the eye finds it: the keyboard too.
    const follows = (earlier: HTMLElement) => Boolean(earlier.compareDocumentPosition(indicator) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(screen.getByTestId('lang-en'))).toBe(true);
    expect(follows(screen.getByTestId('lock'))).toBe(true);
    expect(follows(screen.getByTestId('nav-sharing'))).toBe(true);

    applyLanguage('en');
    await waitFor(() => expect(line()).toBe('3 changes waiting'));
  });
});
