import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Data flows one way: pages -> model -> spec -> time -> wire -> store -> seed -> live -> console -> server/contract
 * -> options -> mock -> cli. A module may import from its own folder and from any folder below it, never from
 * one above it or beside it (server and contract stay independent). The order is this list; a new
 * top-level folder in src/ must be placed in it.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['pages'],
  ['model'],
  ['spec', 'generated'],
  // Reading instants and durations, and the simulated clock: plain functions every layer above may use.
  ['time'],
  ['wire'],
  ['store'],
  ['seed'],
  // Calls that move on the clock, built from the seeder's parts.
  ['live'],
  // The web console's server side (its page, assets and avatars), which the server mounts; its front end
  // (console/web) is a browser program of its own that speaks to the mock only over HTTP.
  ['console'],
  ['server', 'contract'],
  // The typed admin client speaks to a running mock over HTTP; it shares only the server's types.
  ['options', 'admin-client'],
  ['mock'],
  // The command line and the library entry's functions (startMock, runContract): two front doors, side by side.
  ['cli', 'library'],
  // Files directly in src/ (the package's entry points) may use every layer.
  ['.'],
];

const SRC = join(import.meta.dirname, '..', 'src');

function rankOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

interface SourceFile {
  /** Relative to src/, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

function sourceFiles(dir = SRC): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [{ path: relative(SRC, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }] : [];
  });
}

/** Relative specifiers of static imports, re-exports, `import type` and dynamic import(). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : '.';
}

/** Every import that points up or sideways, as "from -> to (why)". */
function layerViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = folderOf(file.path);
    const fromRank = rankOf(from);
    if (fromRank < 0) {
      out.push(`src/${file.path}: the folder src/${from} is in no layer; add it to LAYERS in test/layers.test.ts where it belongs`);
      continue;
    }
    for (const spec of importsOf(file.text)) {
      const target = posix.normalize(posix.join(posix.dirname(file.path), spec));
      if (target.startsWith('..')) {
        out.push(`src/${file.path} imports ${spec}, outside src/`);
        continue;
      }
      const to = folderOf(target);
      if (to === from) continue;
      const toRank = rankOf(to);
      if (toRank > fromRank) out.push(`src/${file.path} imports ${spec}: ${from} is below ${to}, so it must not depend on it`);
      else if (toRank === fromRank) out.push(`src/${file.path} imports ${spec}: ${from} and ${to} sit side by side and stay independent`);
    }
  }
  return out;
}

describe('layers point down', () => {
  it('no module in src/ imports from a layer above or beside its own', () => {
    assert.deepEqual(layerViolations(sourceFiles()), []);
  });

  const cases: { name: string; file: SourceFile; violates: boolean }[] = [
    { name: 'server importing the CLI', file: { path: 'server/serve.ts', text: "import { x } from '../cli/seed-command.js';" }, violates: true },
    { name: 'contract importing the options', file: { path: 'contract/x.ts', text: "import type { X } from '../options/option-model.js';" }, violates: true },
    { name: 'a dynamic import upwards', file: { path: 'store/x.ts', text: "const m = await import('../seed/seed-data.js');" }, violates: true },
    { name: 'server importing contract (siblings)', file: { path: 'server/a/b.ts', text: "export { y } from '../../contract/y.js';" }, violates: true },
    { name: 'the CLI importing the mock', file: { path: 'cli/x.ts', text: "import { startRunningMock } from '../mock/running-mock.js';" }, violates: false },
    { name: 'the wire importing the spec', file: { path: 'wire/x.ts', text: "import type { WireObject } from '../spec/wire-type.js';" }, violates: false },
    { name: 'an import inside the folder', file: { path: 'server/a/b.ts', text: "import { z } from '../c.js';" }, violates: false },
    { name: 'a folder in no layer', file: { path: 'gadgets/x.ts', text: '' }, violates: true },
  ];
  for (const c of cases) {
    it(`${c.violates ? 'catches' : 'allows'} ${c.name}`, () => {
      assert.equal(layerViolations([c.file]).length > 0, c.violates, layerViolations([c.file]).join('\n'));
    });
  }

  it('knows every folder in src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(folders.filter((f) => rankOf(f) < 0), [], `place these in LAYERS: ${dirname(import.meta.filename)}/layers.test.ts`);
  });
});

describe('test/ mirrors src/', () => {
  const TEST = import.meta.dirname;
  /** Folders of helpers beside the tests that share them, and the folders that test the whole package. */
  const HELPERS = new Set(['helpers', 'fixtures']);
  const WHOLE = new Set(['compat', 'package']);

  function testFolders(dir = TEST): string[] {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !HELPERS.has(e.name))
      .flatMap((e) => {
        const full = join(dir, e.name);
        const path = relative(TEST, full).split(sep).join('/');
        return WHOLE.has(path) ? [] : [path, ...testFolders(full)];
      });
  }

  it('every test folder is the folder of a module in src/ (a test sits where its subject lives)', () => {
    const srcFolders = new Set(sourceFiles().map((f) => posix.dirname(f.path)).flatMap((d) => d.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    assert.deepEqual(testFolders().filter((f) => !srcFolders.has(f)), [], 'move these tests to the folder of what they test, or name the folder in HELPERS or WHOLE');
  });
});
