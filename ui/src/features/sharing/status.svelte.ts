// Where this laptop's sharing stands, as Svelte 5 state: the header's sync line and the
// Samenwerken screen both read it, so what one of them learns (after "Nu synchroniseren", a settled
// "Twee versies") shows in the other at once.
import { getBackend } from '../../api/backend';
import type { SharingStatus } from '../../api/bindings';

let current = $state<SharingStatus | null>(null);

/** The sharing status last heard from the backend; `null` before the first answer. */
export function knownSharing(): SharingStatus | null {
  return current;
}

/** Takes in a status the backend answered with (after sharing in a folder, say); `null` forgets it. */
export function keepSharing(next: SharingStatus | null): void {
  current = next;
}

/** Asks the backend anew. A failure is thrown as its `ApiError`; the status known so far stays. */
export async function refreshSharing(): Promise<SharingStatus> {
  const next = await getBackend().sharingStatus();
  current = next;
  return next;
}
