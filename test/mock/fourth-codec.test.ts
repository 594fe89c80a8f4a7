import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchClient } from '../../src/contract/http-client.js';
import { runContract } from '../../src/contract/runner.js';
import { countByStatus } from '../../src/contract/run-report.js';
import { startRunningMock, type RunningMock } from '../../src/mock/running-mock.js';
import type { Codec } from '../../src/wire/codec.js';
import { CodecRegistry, defaultCodecs } from '../../src/wire/codec-registry.js';
import { jsonCodec } from '../../src/wire/json-codec.js';
import { basic, testSettings } from '../server/helpers/mock-server.js';

/**
 * The proof that a codec is the only description of a format: a fourth one, written here and nowhere
 * else, is negotiated (?format=, Accept, a path suffix, a predefined route), read as a request body,
 * used for errors, and passes a contract run in its own format, with no other change to the project.
 * Its bytes are JSON behind a marker, so that it round-trips exactly and looks like none of the others.
 */
const MARK = 'TOY1 ';
const toyCodec: Codec = {
  format: 'toy',
  contentType: 'application/x-toy',
  mediaTypes: ['application/x-toy', 'text/x-toy'],
  acceptAlone: false,
  stringify: (value, type) => MARK + jsonCodec.stringify(value, type),
  parse: (text, type) => {
    if (!text.startsWith(MARK)) throw new Error(`a toy body starts with '${MARK}'`);
    return jsonCodec.parse(text.slice(MARK.length), type);
  },
};
const codecs = new CodecRegistry([...defaultCodecs.all, toyCodec]);
const DEV = basic('dev');

let dir: string;
let mock: RunningMock;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-toy-'));
  mock = await startRunningMock(testSettings({ db: join(dir, 'db.json'), seed: 5, sessions: 60, now: new Date('2026-11-20T12:00:00Z') }), { codecs });
});
after(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function toyAnswer(path: string, init: RequestInit = {}): Promise<{ status: number; value: Record<string, unknown> }> {
  const res = await fetch(mock.url + path, { ...init, headers: { ...DEV, ...(init.headers as Record<string, string> | undefined) } });
  const text = await res.text();
  assert.equal(res.headers.get('content-type'), 'application/x-toy', `${path}: ${text.slice(0, 120)}`);
  assert.ok(text.startsWith(MARK), text.slice(0, 120));
  const type = res.status >= 400 ? mock.api.errorResponse : mock.api.operations.find((o) => o.operationId === 'ListSessions')!.responseType;
  return { status: res.status, value: toyCodec.parse(text, type) };
}

describe('a fourth codec, registered only here', () => {
  const asks: { name: string; path: string; headers?: Record<string, string> }[] = [
    { name: '?format=toy', path: '/sessions?countPerPage=3&format=toy' },
    { name: 'Accept: application/x-toy', path: '/sessions?countPerPage=3', headers: { Accept: 'application/x-toy' } },
    { name: 'a .toy suffix', path: '/sessions.toy?countPerPage=3' },
    { name: 'the predefined route /toy/reply/ListSessions', path: '/toy/reply/ListSessions?countPerPage=3' },
  ];
  for (const ask of asks) {
    it(`is chosen by ${ask.name}, and says the same as JSON`, async () => {
      const toy = await toyAnswer(ask.path, ask.headers ? { headers: ask.headers } : {});
      const json = (await (await fetch(`${mock.url}/sessions?countPerPage=3`, { headers: DEV })).json()) as Record<string, unknown>;
      assert.equal(toy.status, 200);
      assert.deepEqual(toy.value, json);
    });
  }

  it('writes errors in it', async () => {
    const { status, value } = await toyAnswer('/sessions?countPerPage=abc&format=toy');
    assert.equal(status, 400);
    assert.equal((value['responseStatus'] as { errorCode: string }).errorCode, 'SerializationException');
  });

  it('reads a request body written in it', async () => {
    const newSession = mock.api.operations.find((o) => o.operationId === 'NewSession')!;
    const body = toyCodec.stringify({ displayName: 'Sent as toy' }, newSession.requestType);
    const res = await fetch(`${mock.url}/sessions?format=json`, { method: 'POST', headers: { ...DEV, 'Content-Type': 'text/x-toy' }, body });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as { displayName: string }).displayName, 'Sent as toy');
  });

  it('passes a contract run in JSON and in itself', async () => {
    const report = await runContract(
      { target: { baseUrl: mock.url, credentials: { kind: 'basic', user: 'dev@example.com', password: 'dev' } }, formats: ['json', 'toy'], allowWrites: false, seed: 9, propertyRuns: 3 },
      { model: mock.api, codecs, http: fetchClient(10_000) },
    );
    assert.deepEqual(report.rootCauses, [], 'no failure in either format');
    assert.ok(report.results.some((r) => r.format === 'toy' && r.outcome.status === 'pass'), 'toy cases ran');
    assert.ok(countByStatus(report.results).pass > 20);
  });
});
