// Where the laptops of a branch meet: a shared folder, or the organisation's PostgreSQL server,
// whose address (from the IT person) may hold a password. The backend takes either as one `path`;
// the window never shows that password again once typed.
import type { ApiError, RefusalCode } from '../../api/bindings';

/** How a branch's laptops meet, as the coordinator chooses it. */
export type PlaceKind = 'folder' | 'server';

/**
 * True for the address of a server (`postgres://…` or `postgresql://…`, in small letters), exactly
 * as the backend decides it: anything else it takes for a folder.
 */
export function isServerAddress(place: string): boolean {
  return /^postgres(ql)?:\/\//.test(place.trim());
}

/** What is wrong with a typed server address before the backend is asked: empty, or no `postgres://`. */
export function addressProblem(address: string): RefusalCode | null {
  if (address.trim() === '') return 'required';
  return isServerAddress(address) ? null : 'invalid_format';
}

/** Shown instead of a password. */
const HIDDEN = '••••';

/**
 * A place as it may be shown: a folder as it came, a server's address with its password hidden,
 * `postgres://humanitas:geheim@server.nl/draagkracht` → `postgres://humanitas:••••@server.nl/draagkracht`.
 * The credentials end at the last `@`, so a password with an `@` of its own is hidden whole (at
 * worst more is hidden than needed); a `password=` in the query is hidden too.
 */
export function maskedPlace(place: string): string {
  const address = place.trim();
  const scheme = /^postgres(ql)?:\/\//i.exec(address)?.[0];
  if (scheme === undefined) return place;
  let rest = address.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const credentials = rest.slice(0, at);
    const colon = credentials.indexOf(':');
    if (colon >= 0) rest = `${credentials.slice(0, colon)}:${HIDDEN}${rest.slice(at)}`;
  }
  return scheme + rest.replace(/([?&]password=)[^&]*/gi, `$1${HIDDEN}`);
}

/** Every server address in a text with its password hidden. */
export function withoutPasswords(text: string): string {
  return text.replace(/postgres(ql)?:\/\/\S+/gi, (address) => maskedPlace(address));
}

/** A failure whose text may name the server's address (`In postgres://… staat geen uitnodiging`), its password hidden. */
export function maskedError(error: ApiError): ApiError {
  return { ...error, message: withoutPasswords(error.message), messageEn: withoutPasswords(error.messageEn) };
}
