import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { STREAM_MIN_ITEMS } from '../../../src/server/wire/stream-dto.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import type { WireObject, WireProperty, WireType } from '../../../src/spec/wire-type.js';
import { writeJson, writeJsonChunks } from '../../../src/wire/json-writer.js';
import { writeJsv, writeJsvChunks } from '../../../src/wire/jsv-writer.js';
import { writeXml, writeXmlChunks } from '../../../src/wire/xml-writer.js';
import { basic, startMock, type MockServer } from '../helpers/mock-server.js';

const SESSIONS = 2_500;
const ALL = '/sessions?all=true&searchArchive=true';

describe('writing a document in chunks', () => {
  const api = loadApiModel();
  const listType = api.operations.find((op) => op.operationId === 'ListSessions')!.responseType;
  const writers = [
    { name: 'json', whole: writeJson, chunks: writeJsonChunks },
    { name: 'jsv', whole: writeJsv, chunks: writeJsvChunks },
    { name: 'xml', whole: writeXml, chunks: writeXmlChunks },
  ];
  const values: { name: string; value: Record<string, unknown> }[] = [
    { name: 'an empty list', value: { items: [], totalCount: 0 } },
    { name: 'a list of sparse sessions', value: { items: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, displayName: `<${i}> "&" ,:[]{}` })), totalCount: 50, hasMorePages: false } },
    { name: 'no list at all', value: { totalCount: 3 } },
  ];
  for (const w of writers) {
    for (const v of values) {
      for (const chunkChars of [1, 100, 1 << 20]) {
        it(`${w.name}, ${v.name}, chunks of ${chunkChars}: the same bytes as writing it whole`, () => {
          const pieces = [...w.chunks(v.value, listType, chunkChars)];
          assert.equal(pieces.join(''), w.whole(v.value, listType));
          if (chunkChars === 1 && v.value['items'] && (v.value['items'] as unknown[]).length > 8) assert.ok(pieces.length > 2);
        });
      }
    }
  }
});

describe('writing in chunks a list between other members', () => {
  const ns = 'http://schemas.datacontract.org/2004/07/Test';
  const prop = (name: string, type: WireType, valueType = false): WireProperty => ({ name, clrName: name[0]!.toUpperCase() + name.slice(1), type, xmlNamespace: ns, valueType });
  const properties = [prop('before', { kind: 'string' }), prop('names', { kind: 'list', item: { kind: 'string' } }), prop('count', { kind: 'integer' }, true), prop('after', { kind: 'string' })];
  const type: WireObject = { name: 'Middle', xmlName: 'Middle', xmlNamespace: ns, properties, xmlOrder: properties };
  const names = Array.from({ length: 30 }, (_, i) => `n${i},:`);
  const values: { name: string; value: Record<string, unknown> }[] = [
    { name: 'every member', value: { before: 'b', names, count: 3, after: 'a' } },
    { name: 'nothing before the list', value: { names, after: 'a' } },
    { name: 'the list missing', value: { before: 'b', after: 'a' } },
    { name: 'only the list', value: { names } },
  ];
  for (const w of [
    { name: 'json', whole: writeJson, chunks: writeJsonChunks },
    { name: 'jsv', whole: writeJsv, chunks: writeJsvChunks },
    { name: 'xml', whole: writeXml, chunks: writeXmlChunks },
  ]) {
    for (const v of values) {
      it(`${w.name}, ${v.name}: the same bytes in chunks as whole`, () => {
        assert.equal([...w.chunks(v.value, type, 16)].join(''), w.whole(v.value, type));
      });
    }
  }
});

describe(`an answer with ${STREAM_MIN_ITEMS} list items or more`, () => {
  let streamed: MockServer;
  let whole: MockServer;
  before(async () => {
    [streamed, whole] = await Promise.all([startMock({ sessions: SESSIONS, seed: 5 }), startMock({ sessions: SESSIONS, seed: 5, parts: { streamMinItems: Number.POSITIVE_INFINITY } })]);
  });
  after(() => Promise.all([streamed.stop(), whole.stop()]));

  for (const query of ['&format=json', '&format=xml', '&format=jsv', '&callback=cb', '&format=xml&sortField=displayName']) {
    it(`${query}: byte for byte the answer written whole, sent in chunks`, async () => {
      const [a, b] = await Promise.all([streamed.request(ALL + query, { user: 'admin' }), whole.request(ALL + query, { user: 'admin' })]);
      assert.equal(a.status, 200);
      assert.equal(a.headers.get('content-type'), b.headers.get('content-type'));
      assert.equal(a.headers.get('content-length'), null, 'a streamed answer has no length up front');
      assert.equal(a.headers.get('transfer-encoding'), 'chunked');
      assert.ok(b.headers.get('content-length'));
      const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
      assert.ok(Buffer.from(x).equals(Buffer.from(y)), `streamed ${x.byteLength} bytes, whole ${y.byteLength}`);
    });
  }

  it('a page of 25 is still sent whole, with its length', async () => {
    const res = await streamed.request('/sessions?countPerPage=25', { user: 'dev' });
    await res.arrayBuffer();
    assert.ok(res.headers.get('content-length'));
  });

  it('clients that stop reading hold no one up: the health check and other large answers go on', async () => {
    // Four large answers whose clients read nothing: the server waits on each, writing nothing more.
    const stalled = await Promise.all(Array.from({ length: 4 }, () => openStalled(streamed.url + ALL + '&format=xml')));
    try {
      const health = await streamed.request('/__admin/health');
      assert.equal(health.status, 200);
      const full = await streamed.request(ALL, { user: 'admin' });
      const body = (await full.json()) as { items: unknown[]; totalCount: number };
      assert.ok(body.items.length >= STREAM_MIN_ITEMS);
      assert.equal(body.items.length, body.totalCount);
    } finally {
      for (const req of stalled) req.destroy();
    }
  });
});

/** A GET whose answer is never read (its socket is paused once the headers are in). */
function openStalled(url: string): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: basic('admin') }, (res) => {
      res.pause();
      resolve(req);
    });
    req.on('error', reject);
  });
}
