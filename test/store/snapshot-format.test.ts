import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSnapshot, snapshotText } from '../../src/store/snapshot-format.js';
import { parseSnapshotBytes, readSnapshotFile, SHARE_STRINGS_FROM_BYTES } from '../../src/store/snapshot-reader.js';
import type { StoreData } from '../../src/store/store-data.js';
import { stored, tempDir } from './helpers.js';

/** What parseSnapshot makes of a text: the data, or the error's message. */
function viaText(text: string, file = 'db.json'): unknown {
  try {
    return parseSnapshot(text, file);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function viaBytes(text: string): unknown {
  try {
    return parseSnapshotBytes(Buffer.from(text, 'utf8'), 'db.json');
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Strings that stress a line-based reader: line breaks, separators, quotes, brackets, non-ASCII. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).map((s) => s.replace(/[\uD800-\uDFFF]/gu, '')),
  fc.constantFrom('\n', '\r\n', ',', '],', '"sessions":[', '\u2028', '😀', '__proto__', '{"meta":', ''),
);

const record = fc.dictionary(tricky, fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 });
const session = fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), accountId: fc.constant('acc'), dateCreated: fc.constant('2026-11-20T12:00:00.000Z'), note: tricky });

const storeData: fc.Arbitrary<StoreData> = fc.record({
  meta: fc.record({ format: fc.constant(1), seed: fc.integer(), sessionCount: fc.nat(), now: tricky, nowFixed: fc.boolean() }),
  customers: fc.array(record, { maxLength: 3 }),
  endpoints: fc.array(record, { maxLength: 3 }),
  agents: fc.array(record, { maxLength: 3 }),
  teams: fc.array(record, { maxLength: 3 }),
  sessions: fc.array(fc.record({ session }, { requiredKeys: ['session'] }), { maxLength: 3 }),
}) as unknown as fc.Arbitrary<StoreData>;

describe('snapshot bytes', () => {
  it('reads what the writer wrote as JSON.parse reads it, whatever the strings hold', () => {
    fc.assert(
      fc.property(storeData, (data) => {
        const text = snapshotText(data);
        assert.deepStrictEqual(viaBytes(text), viaText(text));
        assert.deepStrictEqual(viaBytes(text), JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  const base: StoreData = {
    meta: { format: 1, seed: 1, sessionCount: 1, now: '2026-11-20T12:00:00.000Z', nowFixed: true },
    customers: [{ id: 'c1', accountId: 'acc', name: 'A, "B"' }],
    endpoints: [],
    agents: [],
    teams: [],
    sessions: [stored({ id: 's1', accountId: 'acc', dateCreated: '2026-11-20T12:00:00.000Z' }), stored({ id: 's2', accountId: 'acc', dateCreated: '2026-11-20T12:00:00.000Z' })],
  };
  const written = snapshotText(base);

  const variants: ReadonlyArray<readonly [string, string]> = [
    ['indented by hand', JSON.stringify(base, null, 2)],
    ['on one line', JSON.stringify(base)],
    ['with Windows line ends', written.replaceAll('\n', '\r\n')],
    ['with trailing spaces', `${written}  \n\t`],
    ['with trailing garbage', `${written}x`],
    ['with a byte-order mark', `\ufeff${written}`],
    ['cut short', written.slice(0, written.length - 10)],
    ['without its last newline', written.slice(0, -1)],
    ['with a session twice as a key', written.replace('"sessions":[', '"sessions":[],\n"sessions":[')],
    ['with a record broken over two lines', written.replace('"name":', '\n"name":')],
    ['with a bad record', written.replace('"id":"s2"', '"id":2')],
    ['of another format', written.replace('"format":1', '"format":99')],
    ['with an extra list', written.replace('"teams":[],', '"teams":[],\n"extra":[],')],
  ];
  for (const [name, text] of variants) {
    it(`treats a file ${name} exactly as JSON.parse does`, async (t) => {
      assert.deepStrictEqual(viaBytes(text), viaText(text));
      const file = path.join(await tempDir(t), 'db.json');
      await writeFile(file, text);
      for (const chunk of [5, 64, 1 << 16]) assert.deepStrictEqual(await viaFile(file, chunk), viaText(text, file), `read ${chunk} bytes at a time`);
    });
  }

  it('reads a file a few bytes at a time as a whole, lines across reads and longer than the buffer', async (t) => {
    const dir = await tempDir(t);
    await fc.assert(
      fc.asyncProperty(storeData, fc.integer({ min: 1, max: 300 }), async (data, chunk) => {
        const text = snapshotText(data);
        const file = path.join(dir, 'db.json');
        await writeFile(file, text);
        assert.deepStrictEqual(await viaFile(file, chunk), JSON.parse(text));
        const read = await readSnapshotFile(file, chunk);
        assert.equal(read.bytes, Buffer.byteLength(text));
      }),
      { numRuns: 60 },
    );
  });
});

const base: StoreData = {
  meta: { format: 1, seed: 1, sessionCount: 1, now: '2026-11-20T12:00:00.000Z', nowFixed: true },
  customers: [],
  endpoints: [],
  agents: [],
  teams: [],
  sessions: [],
};

describe('a large snapshot (strings shared between records)', () => {
  it('reads as JSON.parse reads it', async (t) => {
    const sessions = Array.from({ length: 12000 }, (_, i) =>
      stored({
        id: `s${String(i).padStart(31, '0')}`,
        accountId: `account-${i % 3}-with-a-long-id`,
        dateCreated: '2026-11-20T12:00:00.000Z',
        displayName: i % 7 === 0 ? `Caller number ${i}, "quoted"` : 'A caller seen many times over',
        log: [{ date: '2026-11-20T12:00:00.000Z', message: `Incoming call ${i % 5} from a number seen before` }],
      }),
    );
    const text = snapshotText({ ...base, sessions });
    assert.ok(Buffer.byteLength(text) >= SHARE_STRINGS_FROM_BYTES, 'large enough to share strings');
    const file = path.join(await tempDir(t), 'db.json');
    await writeFile(file, text);
    const expected = JSON.parse(text);
    assert.deepStrictEqual((await readSnapshotFile(file)).data, expected);
    assert.deepStrictEqual(parseSnapshotBytes(Buffer.from(text), 'db.json'), expected);
  });
});

async function viaFile(file: string, chunk: number): Promise<unknown> {
  try {
    return (await readSnapshotFile(file, chunk)).data;
  } catch (err) {
    return { error: (err as Error).message };
  }
}
