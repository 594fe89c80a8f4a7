import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { commands } from '../../src/cli/commands.js';
import { markdownTable } from '../../src/options/option-table.js';

const README_PATH = join(import.meta.dirname, '..', '..', 'README.md');
let README = readFileSync(README_PATH, 'utf8');
/** WRITE_README_TABLES=1 rewrites the tables in place from the model (then read the diff before committing). */
const WRITE = process.env['WRITE_README_TABLES'] === '1';

/** The table between `<!-- options: NAME -->` and `<!-- end of options -->`. */
function readmeTable(command: string): string | undefined {
  const start = `<!-- options: ${command} -->\n`;
  const at = README.indexOf(start);
  if (at < 0) return undefined;
  const end = README.indexOf('\n<!-- end of options -->', at);
  return README.slice(at + start.length, end);
}

describe("the README's option tables are the options model", () => {
  for (const name of ['serve', 'contract', 'generate']) {
    it(`evo-mock ${name}`, () => {
      const command = commands[name]!;
      const expected = markdownTable(command.options);
      let actual = readmeTable(name);
      if (WRITE && actual !== undefined && actual !== expected) {
        README = README.replace(`<!-- options: ${name} -->\n${actual}\n`, `<!-- options: ${name} -->\n${expected}\n`);
        writeFileSync(README_PATH, README);
        actual = expected;
      }
      assert.ok(actual !== undefined, `README.md has no <!-- options: ${name} --> block; put this table there:\n${expected}`);
      assert.equal(actual, expected, `README.md's ${name} table differs from src/options; replace it with the following (or run this test with WRITE_README_TABLES=1):\n${expected}`);
    });
  }

  it('every option the README names with -- exists', () => {
    // The benchmark's own flags (npm run bench -- --peers) and node's (node --import tsx --test) are not evo-mock's.
    const bench = ['peers', 'duration', 'import', 'test', 'all-true-only', 'live-only'];
    // Every command that reads a config file takes these (src/cli/command.ts); npm's own flags are npm's.
    const everyCommand = ['config', 'print-config'];
    const npm = ['save-dev'];
    const flags = new Set(['help', ...bench, ...everyCommand, ...npm, ...Object.values(commands).flatMap((c) => Object.values(c.options).map((o) => o.flag))]);
    const named = [...README.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
    const unknown = [...new Set(named.filter((f) => !flags.has(f)))];
    assert.deepEqual(unknown, [], 'README.md names options that no command has');
  });
});
