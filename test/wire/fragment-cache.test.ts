import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCodecs } from '../../src/wire/codec-registry.js';

const codecs = defaultCodecs.all;
import { FragmentCache, fragmentCache, MIN_CACHED_FRAGMENT } from '../../src/wire/fragment-cache.js';
import type { WireObject } from '../../src/spec/wire-type.js';
import { dtoArbitrary, hostileString, xmlSafeString } from './arbitraries.js';
import { GetMySessionsResponse, ListResponseOfSessionInfo, SessionInfo, SessionMemberInfo } from './model.js';

/**
 * The fragment cache may only ever change how fast bytes are made, never which bytes: every answer
 * written with it must equal the answer written with it turned off.
 */

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function fresh(write: () => string): string {
  const was = fragmentCache.enabled;
  fragmentCache.enabled = false;
  try {
    return write();
  } finally {
    fragmentCache.enabled = was;
  }
}

/** A session long enough to be kept (short fragments are rewritten rather than cached). */
function storedSession(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return deepFreeze({
    id,
    accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d',
    dateCreated: '2026-11-21T11:59:39.301Z',
    displayName: `Caller ${id}`,
    callState: 'Connected',
    channel: 'Voice',
    ended: false,
    log: [
      { date: '2026-11-21T11:59:39.301Z', message: 'Incoming call from +16134008316 (Olivia Spencer) to Main Line' },
      { date: '2026-11-21T11:59:40.101Z', message: 'Flow "Main Line" started' },
    ],
    members: [{ identity: 'u1', displayName: 'Agent, "Smith"', role: 'Agent', callState: 'Connected', applicationData: { skill: 'billing', 'a:b': '{x}' } }],
    ...extra,
  });
}

const page = (items: readonly unknown[]) => ({ items, totalCount: 100, totalPages: 4, hasMorePages: true });

const budgetBefore = fragmentCache.budgetBytes;
afterEach(() => {
  fragmentCache.enabled = true;
  fragmentCache.budgetBytes = budgetBefore;
  fragmentCache.clear();
});

for (const codec of codecs) {
  const strings = codec.format === 'xml' ? xmlSafeString : hostileString;
  const write = (value: unknown, type: WireObject) => codec.stringify(value, type);

  describe(`${codec.format} writer with the fragment cache`, () => {
    it('writes pages, wrappers and documents of deep-frozen sessions exactly as without it, however often', () => {
      fragmentCache.budgetBytes = 64 * 1024 * 1024;
      const sessions = fc.array(dtoArbitrary(SessionInfo, { string: strings, maxItems: 2 }).map(deepFreeze), { minLength: 1, maxLength: 4 });
      fc.assert(
        fc.property(sessions, (items) => {
          const cases: Array<[unknown, WireObject]> = [
            [page(items), ListResponseOfSessionInfo],
            [{ sessions: items }, GetMySessionsResponse],
            [items[0], SessionInfo],
            [{ ...(items[0] as object), log: [] }, SessionInfo],
          ];
          for (const [value, type] of cases) {
            const expected = fresh(() => write(value, type));
            for (let round = 0; round < 3; round++) assert.equal(write(value, type), expected);
          }
        }),
        { numRuns: 60 },
      );
      assert.ok(fragmentCache.stats().hits > 0, 'the cache was used');
    });

    it('keeps nothing for a value that is not deep-frozen, so changing it changes the answer', () => {
      const members: Array<Record<string, unknown>> = [{ identity: 'u1', role: 'Agent', displayName: 'x'.repeat(MIN_CACHED_FRAGMENT) }];
      const shell = Object.freeze({ ...storedSession('s1'), members });
      const loose = { ...storedSession('s2') };
      for (let round = 0; round < 3; round++) {
        write(page([shell, loose]), ListResponseOfSessionInfo);
        write(shell, SessionInfo);
      }
      assert.equal(fragmentCache.stats().entries, 0);
      members.push({ identity: 'u2', role: 'Caller' });
      loose['displayName'] = 'Renamed';
      const after = write(page([shell, loose]), ListResponseOfSessionInfo);
      assert.match(after, /u2/);
      assert.match(after, /Renamed/);
      assert.equal(after, fresh(() => write(page([shell, loose]), ListResponseOfSessionInfo)));
    });

    it('keeps a value from its second write on', () => {
      const s = storedSession('s3');
      write(s, SessionInfo);
      assert.equal(fragmentCache.stats().entries, 0, 'not after the first');
      write(s, SessionInfo);
      assert.equal(fragmentCache.stats().entries, 1, 'after the second');
      const hits = fragmentCache.stats().hits;
      assert.equal(write(s, SessionInfo), fresh(() => write(s, SessionInfo)));
      assert.equal(fragmentCache.stats().hits, hits + 1);
    });

    it('tells apart the same object written as different types', () => {
      const s = storedSession('s4', { role: 'Agent', identity: 'u9' });
      for (let round = 0; round < 3; round++) {
        assert.equal(write(s, SessionInfo), fresh(() => write(s, SessionInfo)));
        assert.equal(write(s, SessionMemberInfo), fresh(() => write(s, SessionMemberInfo)));
      }
    });

    it('stays within its budget, and what it evicts is written again correctly', () => {
      fragmentCache.budgetBytes = 16 * 1024;
      const sessions = Array.from({ length: 120 }, (_, i) => storedSession(`s${i}`));
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < sessions.length; i += 10) {
          const value = page(sessions.slice(i, i + 10));
          assert.equal(write(value, ListResponseOfSessionInfo), fresh(() => write(value, ListResponseOfSessionInfo)));
          assert.ok(fragmentCache.stats().bytes <= fragmentCache.budgetBytes);
        }
      }
      assert.ok(fragmentCache.stats().evictions > 0);
    });

    it('still names the bad member of a value it cannot write', () => {
      const bad = storedSession('s5', { members: [{ identity: 'u1', role: 'Boss' }] });
      for (let round = 0; round < 3; round++) {
        assert.throws(() => write(page([bad]), ListResponseOfSessionInfo), { name: 'TypeError', message: "Cannot write 'items[0].members[0].role': expected a SessionMemberRoles member, got a string." });
      }
      const badKey = storedSession('s6', { members: [{ applicationData: { 'a"b': 7 } }] });
      assert.throws(() => write(badKey, SessionInfo), { message: `Cannot write 'members[0].applicationData["a\\"b"]': expected a string, got a number.` });
    });
  });
}

describe('xml writer with the fragment cache', () => {
  const xml = codecs.find((c) => c.format === 'xml')!;

  it('writes a session by where it stands: list item, wrapper item and document differ, each as without the cache', () => {
    const s = storedSession('x1');
    const listed = () => xml.stringify(page([s]), ListResponseOfSessionInfo);
    const wrapped = () => xml.stringify({ sessions: [s] }, GetMySessionsResponse);
    const alone = () => xml.stringify(s, SessionInfo);
    const expected = [fresh(listed), fresh(wrapped), fresh(alone)];
    for (let round = 0; round < 3; round++) assert.deepEqual([listed(), wrapped(), alone()], expected);
    // The same object in three places: the prefixes differ with the depth and the bindings above it.
    assert.match(expected[0]!, /<d2p1:SessionInfo><CreatedBy/);
    assert.match(expected[2]!, /^<\?xml[^>]*><SessionInfo xmlns:i=/);
    assert.ok(fragmentCache.stats().entries >= 1);
  });
});

describe('FragmentCache', () => {
  const type = SessionInfo;
  const text = (n: number) => 'x'.repeat(n);

  it('answers only the same object, type, format and context', () => {
    const cache = new FragmentCache(1 << 20);
    const value = {};
    cache.offer(value, type, 'json', '', text(300));
    cache.offer(value, type, 'json', '', text(300));
    assert.equal(cache.get(value, type, 'json', ''), text(300));
    assert.equal(cache.get({}, type, 'json', ''), undefined);
    assert.equal(cache.get(value, SessionMemberInfo, 'json', ''), undefined);
    assert.equal(cache.get(value, type, 'jsv', ''), undefined);
    assert.equal(cache.get(value, type, 'json', '2[]'), undefined);
  });

  it('gives a value read since its last turn a second chance before evicting it', () => {
    const cache = new FragmentCache(3 * (1000 + 64) + 3 * 96);
    const [a, b, c, d] = [{}, {}, {}, {}];
    for (const v of [a, b, c]) for (let k = 0; k < 2; k++) cache.offer(v, type, 'json', '', text(1000));
    // Every entry starts with its second chance; one pass clears them, then reads set a's again.
    for (let k = 0; k < 2; k++) cache.offer(d, type, 'json', '', text(1000));
    assert.ok(cache.stats().bytes <= cache.budgetBytes);
    cache.get(b, type, 'json', '');
    for (const v of [{}, {}]) for (let k = 0; k < 2; k++) cache.offer(v, type, 'json', '', text(1000));
    assert.equal(cache.get(b, type, 'json', ''), text(1000), 'the value read survives');
    assert.ok(cache.stats().evictions >= 2);
  });

  it('keeps nothing larger than its budget, and nothing at all when turned off', () => {
    const cache = new FragmentCache(500);
    const value = {};
    for (let k = 0; k < 2; k++) cache.offer(value, type, 'json', '', text(1000));
    assert.equal(cache.stats().entries, 0);
    const off = new FragmentCache(1 << 20);
    off.enabled = false;
    for (let k = 0; k < 2; k++) off.offer(value, type, 'json', '', text(300));
    assert.equal(off.stats().entries, 0);
    assert.equal(off.get(value, type, 'json', ''), undefined);
  });
});
