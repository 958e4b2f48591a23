// The licences of the software Draagkracht is built with, for "Over Draagkracht". The file is made
// at build time (packaging/licences.mjs, from cargo-about for the crates and ui/node_modules for the
// window) into ui/public/, which Vite copies into dist/: the app reads it from its own bundle, never
// from the network. A build without it (a development build) still shows the screen.

/** One crate or npm package in the build. */
export type ThirdPartyPackage = {
  name: string;
  version: string;
  /** The SPDX licence expression: `MIT`, `MIT OR Apache-2.0`. */
  licence: string;
  /** `crate`: the app (Rust); `npm`: the window. */
  source: 'crate' | 'npm';
  /** The key of its licence text in `texts`. */
  textId: string;
};

export type ThirdPartyLicences = {
  /** The day the file was made, ISO. */
  generated: string;
  /** Sorted by source, then name. */
  packages: ThirdPartyPackage[];
  /** Each distinct licence text once, by its id. */
  texts: Record<string, string>;
};

/** Where the build puts the file, beside index.html. */
export const LICENCES_FILE = 'third-party-licences.json';

function isPackage(value: unknown): value is ThirdPartyPackage {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.name === 'string' &&
    typeof p.version === 'string' &&
    typeof p.licence === 'string' &&
    (p.source === 'crate' || p.source === 'npm') &&
    typeof p.textId === 'string'
  );
}

/** The file's contents when they have the expected shape; anything else is `null`. */
export function parseLicences(value: unknown): ThirdPartyLicences | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.packages) || typeof v.texts !== 'object' || v.texts === null) return null;
  return {
    generated: typeof v.generated === 'string' ? v.generated : '',
    packages: v.packages.filter(isPackage),
    texts: Object.fromEntries(Object.entries(v.texts).filter(([, text]) => typeof text === 'string')) as Record<string, string>,
  };
}

/**
 * The licences shipped with this build, or `null` when the file is not there (a development
 * build) or cannot be read. The address is relative, so it works under the app's own protocol.
 */
export async function loadLicences(): Promise<ThirdPartyLicences | null> {
  try {
    const response = await fetch(LICENCES_FILE);
    if (!response.ok) return null;
    return parseLicences(await response.json());
  } catch {
    return null;
  }
}
