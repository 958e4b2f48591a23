#!/usr/bin/env node
// The third-party licences "Over Draagkracht" shows, made at build time and read offline:
//
//   cargo about generate --format json -o target/cargo-about.json
//   node packaging/licences.mjs target/cargo-about.json ui/public/third-party-licences.json [UI_DIR]
//
// Crates: from cargo-about's JSON (`licenses[]`, each with `id`, `name`, `text` and
// `used_by[].crate {name, version}`; `crates[]`, each `{package: {name, version, license}, license}`,
// the licence expression cargo-about settled on). The workspace's own crates (`draagkracht*`) are
// left out. A crate whose licence needs several texts (`MIT AND Unicode-3.0`) gets them all, one
// after the other.
//
// npm: the packages that can end up in the window's bundle: the `dependencies` of ui/package.json
// (never its devDependencies), plus Svelte, whose runtime the compiler puts into every component,
// and everything those depend on, as installed in ui/node_modules (resolved the way Node does:
// the package's own node_modules first, then upwards). That may list a little more than the bundle
// holds (Svelte's compiler brings a few packages its runtime does not use); never less. The licence
// is the package's `license` field; the text every LICENSE/LICENCE/COPYING file in its folder, or,
// without one, a line naming the licence.
//
// The output (ThirdPartyLicences in ui/src/features/about/licences.ts):
//   { generated: "2026-12-05", packages: [{name, version, licence, source: "crate"|"npm", textId}],
//     texts: {textId: text} }
// with each distinct text once (textId: the start of its SHA-256), packages sorted by source, then
// name and version. `generated` is the day of SOURCE_DATE_EPOCH when set (a reproducible build),
// else today. Node's standard library only; no network.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's own crates: Draagkracht itself, not a third party. */
const OWN_CRATE = /^draagkracht/;

/** Development packages whose code is compiled into the bundle all the same. */
const BUNDLED_FROM_DEV = ['svelte'];

/** A licence file in a package's folder: LICENSE, LICENCE.md, license-mit.txt, COPYING, … */
const LICENCE_FILE = /^(licen[cs]e|copying)([-._ ].*)?$/i;

function fail(message) {
  process.stderr.write(`licences.mjs: ${message}\n`);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

/** The texts of one package, as one text: several are separated by a line naming each. */
function joinTexts(texts, fallbackLicence) {
  const distinct = [];
  for (const t of texts) {
    if (t.text.trim() !== '' && !distinct.some((d) => d.text === t.text)) distinct.push(t);
  }
  if (distinct.length === 0) {
    return `This package is licensed under ${fallbackLicence || 'a licence it does not name'} (SPDX identifier). It ships no licence text of its own.\n`;
  }
  if (distinct.length === 1) return distinct[0].text;
  return distinct
    .slice()
    .sort((a, b) => a.label.localeCompare(b.label, 'en'))
    .map((t) => `----- ${t.label} -----\n\n${t.text.trimEnd()}\n`)
    .join('\n');
}

// ---- crates ---------------------------------------------------------------------------------

/** The crate a `used_by` entry or a `crates` entry names: `{crate: {...}}`, `{package: {...}}` or the package itself. */
function crateOf(entry) {
  if (!entry || typeof entry !== 'object') return null;
  const krate = entry.crate ?? entry.krate ?? entry.package ?? entry;
  if (!krate || typeof krate.name !== 'string') return null;
  return { name: krate.name, version: String(krate.version ?? ''), license: typeof krate.license === 'string' ? krate.license : null };
}

function cratePackages(about) {
  if (!about || typeof about !== 'object' || (!Array.isArray(about.licenses) && !Array.isArray(about.crates))) {
    fail('this is not the JSON of `cargo about generate --format json` (no `licenses` or `crates`)');
  }
  /** name@version → { name, version, licence, texts: [{label, text}] } */
  const crates = new Map();
  const entry = (krate) => {
    const key = `${krate.name}@${krate.version}`;
    if (!crates.has(key)) crates.set(key, { name: krate.name, version: krate.version, licence: null, declared: krate.license, ids: [], texts: [] });
    return crates.get(key);
  };
  for (const licence of about.licenses ?? []) {
    const id = String(licence.id ?? licence.name ?? 'unknown');
    const text = typeof licence.text === 'string' ? licence.text : '';
    for (const user of licence.used_by ?? licence.usedBy ?? []) {
      const krate = crateOf(user);
      if (!krate || OWN_CRATE.test(krate.name)) continue;
      const e = entry(krate);
      if (!e.ids.includes(id)) e.ids.push(id);
      e.texts.push({ label: id, text });
    }
  }
  for (const item of about.crates ?? []) {
    const krate = crateOf(item);
    if (!krate || OWN_CRATE.test(krate.name)) continue;
    const e = entry(krate);
    const expression = typeof item.license === 'string' ? item.license : null;
    e.licence = expression ?? e.licence;
    e.declared ??= krate.license;
  }
  return [...crates.values()].map((e) => {
    const licence = e.licence ?? e.declared ?? (e.ids.length > 0 ? e.ids.join(' AND ') : 'unknown');
    return { name: e.name, version: e.version, licence, source: 'crate', text: joinTexts(e.texts, licence) };
  });
}

// ---- npm ------------------------------------------------------------------------------------

/** The folder of package `name` as Node finds it from `from`, without leaving `root`; or null. */
function resolvePackage(name, from, root) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir || !dir.startsWith(root)) return null;
  }
}

/** The licence a package.json declares: `license`, or the old `{type}` and `licenses: [...]`. */
function declaredLicence(manifest) {
  const field = manifest.license ?? manifest.licence;
  if (typeof field === 'string' && field.trim() !== '') return field.trim();
  if (field && typeof field.type === 'string') return field.type;
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map((l) => (typeof l === 'string' ? l : l?.type)).filter(Boolean);
    if (types.length > 0) return types.join(' OR ');
  }
  return 'unknown';
}

function licenceTexts(folder) {
  return readdirSync(folder)
    .filter((file) => LICENCE_FILE.test(file) && statSync(join(folder, file)).isFile())
    .sort()
    .map((file) => ({ label: file, text: readFileSync(join(folder, file), 'utf8') }));
}

function npmPackages(uiDir) {
  const root = resolve(uiDir);
  const manifest = readJson(join(root, 'package.json'));
  const roots = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...BUNDLED_FROM_DEV.filter((name) => name in (manifest.devDependencies ?? {}) || name in (manifest.dependencies ?? {})),
  ];
  const seen = new Map(); // folder → package
  const queue = roots.map((name) => ({ name, from: root, required: true }));
  while (queue.length > 0) {
    const { name, from, required } = queue.shift();
    const folder = resolvePackage(name, from, root);
    if (folder === null) {
      if (required) process.stderr.write(`licences.mjs: ${name} is not installed in ${root}/node_modules (run npm ci)\n`);
      continue;
    }
    if (seen.has(folder)) continue;
    const pkg = readJson(join(folder, 'package.json'));
    const licence = declaredLicence(pkg);
    seen.set(folder, {
      name: pkg.name ?? name,
      version: String(pkg.version ?? ''),
      licence,
      source: 'npm',
      text: joinTexts(licenceTexts(folder), licence),
    });
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: folder, required: true });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: dep, from: folder, required: false });
    for (const dep of Object.keys(pkg.peerDependencies ?? {})) queue.push({ name: dep, from: folder, required: false });
  }
  return [...seen.values()];
}

// ---- output ---------------------------------------------------------------------------------

function generatedDay() {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const at = Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH?.trim() ? new Date(epoch * 1000) : new Date();
  return at.toISOString().slice(0, 10);
}

function build(cratesJson, uiDir) {
  const all = [...cratePackages(cratesJson), ...npmPackages(uiDir)];
  const unique = new Map();
  for (const p of all) unique.set(`${p.source}|${p.name}@${p.version}`, p);
  const sorted = [...unique.values()].sort(
    (a, b) => a.source.localeCompare(b.source) || a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en', { numeric: true }),
  );
  const texts = {};
  const packages = sorted.map(({ text, ...p }) => {
    const textId = createHash('sha256').update(text).digest('hex').slice(0, 12);
    texts[textId] = text;
    return { ...p, textId };
  });
  return { generated: generatedDay(), packages, texts };
}

const [cargoAboutJson, outJson, uiDirArg] = process.argv.slice(2);
if (!cargoAboutJson || !outJson) {
  fail('usage: node packaging/licences.mjs CARGO_ABOUT_JSON OUT_JSON [UI_DIR]');
}
const uiDir = uiDirArg ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'ui');
const result = build(readJson(cargoAboutJson), uiDir);
mkdirSync(dirname(resolve(outJson)), { recursive: true });
writeFileSync(outJson, `${JSON.stringify(result)}\n`);
const count = (source) => result.packages.filter((p) => p.source === source).length;
process.stderr.write(
  `licences.mjs: ${count('crate')} crates, ${count('npm')} npm packages, ${Object.keys(result.texts).length} texts → ${outJson}\n`,
);
