// @vitest-environment node
// packaging/licences.mjs, the build step that makes third-party-licences.json: run on a small
// cargo-about JSON (src/test/fixtures/cargo-about.json) and a made-up ui folder, it leaves out the
// workspace's own crates and the window's development tools, gives every package its licence and
// text (several texts where the licence needs them), keeps each text once, and sorts by source and
// name. Run on the real ui folder it finds the packages the window is built with.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLicences, type ThirdPartyLicences } from './licences';

const here = dirname(fileURLToPath(import.meta.url));
const UI = resolve(here, '../../..');
const SCRIPT = resolve(UI, '../packaging/licences.mjs');
const FIXTURE = resolve(UI, 'src/test/fixtures/cargo-about.json');

const temp = mkdtempSync(join(tmpdir(), 'draagkracht-licences-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(path: string, content: unknown) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
}

/** A ui folder with a dependency tree as npm installs it: one package nested, one without a licence file. */
function fakeUi(): string {
  const ui = join(temp, 'ui');
  const modules = join(ui, 'node_modules');
  write(join(ui, 'package.json'), {
    dependencies: { alpha: '^1.0.0' },
    devDependencies: { svelte: '^5.0.0', vitest: '^4.0.0' },
  });
  write(join(modules, 'alpha/package.json'), { name: 'alpha', version: '1.2.3', license: 'MIT', dependencies: { beta: '^2', gamma: '^1' } });
  write(join(modules, 'alpha/LICENSE.md'), 'MIT License\n\nCopyright (c) Alpha\n');
  // alpha's own gamma, nested: not the one at the top.
  write(join(modules, 'alpha/node_modules/gamma/package.json'), { name: 'gamma', version: '1.0.0', license: 'ISC' });
  write(join(modules, 'alpha/node_modules/gamma/licence'), 'ISC License\n\nCopyright (c) Gamma\n');
  write(join(modules, 'gamma/package.json'), { name: 'gamma', version: '9.9.9', license: 'ISC' });
  write(join(modules, 'beta/package.json'), { name: 'beta', version: '2.0.1', license: 'BSD-3-Clause', optionalDependencies: { absent: '1' } });
  write(join(modules, 'svelte/package.json'), { name: 'svelte', version: '5.57.3', license: 'MIT', dependencies: { clsx: '^2' } });
  write(join(modules, 'svelte/LICENSE.md'), 'Copyright (c) 2016-2025 Svelte Contributors\n');
  write(join(modules, 'clsx/package.json'), { name: 'clsx', version: '2.1.1', license: 'MIT' });
  // Two files: both texts, one after the other. Same MIT text as alpha's? No: its own copyright.
  write(join(modules, 'clsx/license-mit.txt'), 'MIT License\n\nCopyright (c) Luke Edwards\n');
  write(join(modules, 'clsx/COPYING'), 'Also see the MIT licence above.\n');
  write(join(modules, 'vitest/package.json'), { name: 'vitest', version: '4.1.0', license: 'MIT' });
  return ui;
}

function run(out: string, ui: string, env: Record<string, string> = {}): ThirdPartyLicences {
  execFileSync('node', [SCRIPT, FIXTURE, out, ui], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return JSON.parse(readFileSync(out, 'utf8')) as ThirdPartyLicences;
}

describe('packaging/licences.mjs', () => {
  const out = join(temp, 'public', 'third-party-licences.json');
  // 2026-12-05T10:00:00Z: a reproducible build names its own day.
  const result = run(out, fakeUi(), { SOURCE_DATE_EPOCH: '1796464800' });
  const byName = (name: string) => result.packages.find((p) => p.name === name)!;

  it('writes the shape the screen reads', () => {
    expect(result.generated).toBe('2026-12-05');
    expect(parseLicences(result)).toEqual(result);
    for (const p of result.packages) {
      expect(Object.keys(p).sort()).toEqual(['licence', 'name', 'source', 'textId', 'version']);
      expect(result.texts[p.textId], p.name).toBeTypeOf('string');
    }
    // Every text is used, and each only once.
    expect(new Set(result.packages.map((p) => p.textId))).toEqual(new Set(Object.keys(result.texts)));
    expect(new Set(Object.values(result.texts)).size).toBe(Object.keys(result.texts).length);
  });

  it("lists the crates without the workspace's own, then the npm packages of the bundle, each sorted by name", () => {
    expect(result.packages.map((p) => `${p.source} ${p.name} ${p.version}`)).toEqual([
      'crate adler2 2.0.1',
      'crate bytes 1.10.1',
      'crate itoa 1.0.15',
      'crate serde 1.0.228',
      'crate tokio 1.47.1',
      'crate unicode-ident 1.0.19',
      'npm alpha 1.2.3',
      'npm beta 2.0.1',
      'npm clsx 2.1.1',
      'npm gamma 1.0.0',
      'npm svelte 5.57.3',
    ]);
  });

  it('gives each crate the licence cargo-about settled on, and its texts', () => {
    expect(byName('serde').licence).toBe('MIT');
    expect(result.texts[byName('serde').textId]).toContain('Copyright (c) David Tolnay');
    // The same text for two crates is kept once.
    expect(byName('tokio').textId).toBe(byName('bytes').textId);
    expect(byName('serde').textId).not.toBe(byName('tokio').textId);
    // A licence that needs two texts gets both.
    const unicode = byName('unicode-ident');
    expect(unicode.licence).toBe('Apache-2.0 AND Unicode-3.0');
    expect(result.texts[unicode.textId]).toContain('Apache License');
    expect(result.texts[unicode.textId]).toContain('UNICODE LICENSE V3');
    // Named in `crates` only, with no text: a line naming the licence.
    expect(byName('adler2').licence).toBe('0BSD');
    expect(result.texts[byName('adler2').textId]).toContain('0BSD');
  });

  it("reads an npm package's licence from its package.json and its text from its licence files", () => {
    expect(byName('alpha').licence).toBe('MIT');
    expect(result.texts[byName('alpha').textId]).toBe('MIT License\n\nCopyright (c) Alpha\n');
    // The gamma alpha depends on is its own nested one.
    expect(byName('gamma').version).toBe('1.0.0');
    expect(result.texts[byName('gamma').textId]).toContain('Copyright (c) Gamma');
    // No licence file: a line naming the licence.
    expect(byName('beta').licence).toBe('BSD-3-Clause');
    expect(result.texts[byName('beta').textId]).toContain('BSD-3-Clause');
    // Two files: both.
    const clsx = result.texts[byName('clsx').textId]!;
    expect(clsx).toContain('Copyright (c) Luke Edwards');
    expect(clsx).toContain('Also see the MIT licence above.');
    // The development tools are not in the bundle; Svelte's runtime is.
    expect(result.packages.some((p) => p.name === 'vitest')).toBe(false);
    expect(byName('svelte').source).toBe('npm');
  });

  it('finds the packages the window is really built with', () => {
    const real = run(join(temp, 'real.json'), UI);
    const api = real.packages.find((p) => p.name === '@tauri-apps/api' && p.source === 'npm')!;
    expect(api.licence).toBe('Apache-2.0 OR MIT');
    expect(real.texts[api.textId]).toContain('MIT License');
    expect(real.packages.some((p) => p.name === '@tauri-apps/plugin-dialog')).toBe(true);
    expect(real.packages.some((p) => p.name === 'vitest' || p.name === 'typescript')).toBe(false);
  });

  it("refuses a file that is not cargo-about's JSON", () => {
    const wrong = join(temp, 'wrong.json');
    write(wrong, { hello: 'world' });
    expect(() => execFileSync('node', [SCRIPT, wrong, join(temp, 'never.json'), fakeUi()], { stdio: 'pipe' })).toThrow(/cargo about/);
  });
});
