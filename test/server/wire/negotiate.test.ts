import assert from 'node:assert/strict';
import type { Request } from 'express';
import { describe, it } from 'node:test';
import { QueryMap } from '../../../src/server/binding/query-string.js';
import { CodecRegistry } from '../../../src/wire/codec-registry.js';
import { negotiate } from '../../../src/server/wire/negotiate.js';
import type { RouteFormats } from '../../../src/server/wire/route-formats.js';
import type { Codec, WireFormat } from '../../../src/wire/codec.js';

const fake = (format: WireFormat, acceptAlone = true): Codec => ({ format, contentType: format, mediaTypes: [`application/${format}`, `text/${format}`], acceptAlone, stringify: () => '', parse: () => ({}) });
const all = new CodecRegistry([fake('json'), fake('xml'), fake('jsv', false)]);
const jsonOnly = new CodecRegistry([fake('json')]);

interface Row {
  readonly name: string;
  readonly url: string;
  readonly accept?: string;
  readonly contentType?: string;
  readonly route?: RouteFormats;
  readonly codecs?: CodecRegistry;
  readonly format: WireFormat;
  readonly callback?: string;
}

const request = (row: Row) =>
  ({
    originalUrl: row.url,
    headers: { ...(row.accept !== undefined ? { accept: row.accept } : {}), ...(row.contentType !== undefined ? { 'content-type': row.contentType } : {}) },
  }) as unknown as Request;

function check(rows: readonly Row[]): void {
  for (const row of rows) {
    it(`${row.name} -> ${row.format}${row.callback ? ` wrapped in ${row.callback}(...)` : ''}`, () => {
      const chosen = negotiate(request(row), QueryMap.fromUrl(row.url), row.codecs ?? all, row.route);
      assert.equal(chosen.codec.format, row.format);
      assert.equal(chosen.callback, row.callback);
    });
  }
}

describe('each negotiation rule on its own', () => {
  check([
    { name: 'nothing asked', url: '/sessions', format: 'json' },
    { name: '.xml suffix', url: '/sessions', route: { suffix: 'xml' }, format: 'xml' },
    { name: '.jsv suffix', url: '/sessions', route: { suffix: 'jsv' }, format: 'jsv' },
    { name: '?callback= is JSONP', url: '/sessions?callback=cb', format: 'json', callback: 'cb' },
    { name: '?callback= keeps dotted names', url: '/sessions?callback=app.handlers.got_1', format: 'json', callback: 'app.handlers.got_1' },
    { name: '?callback= cannot inject script (SafeVarRef)', url: `/sessions?callback=${encodeURIComponent('alert(1);//')}`, format: 'json', callback: 'alert_1____' },
    { name: 'an empty ?callback= is no JSONP', url: '/sessions?callback=', format: 'json' },
    { name: '?format=xml', url: '/sessions?format=xml', format: 'xml' },
    { name: '?format= before any dot, any case', url: '/sessions?FORMAT=JSV.v2', format: 'jsv' },
    { name: 'an unknown ?format= is ignored', url: '/sessions?format=csv', accept: 'application/xml', format: 'xml' },
    { name: 'first segment /xml/', url: '/xml/reply/GetSession', format: 'xml' },
    { name: 'first segment /JSV/ in any case', url: '/JSV/anything', format: 'jsv' },
    { name: 'a first segment that is no format', url: '/api/GetSession', accept: 'application/xml', format: 'xml' },
    { name: 'predefined route format', url: '/api/GetSession', route: { handler: 'xml' }, format: 'xml' },
    { name: 'Accept application/xml', url: '/sessions', accept: 'application/xml', format: 'xml' },
    { name: 'Accept text/xml (lenient)', url: '/sessions', accept: 'text/xml', format: 'xml' },
    { name: 'Accept application/jsv', url: '/sessions', accept: 'application/jsv', format: 'jsv' },
    { name: 'Accept text/jsv (lenient)', url: '/sessions', accept: 'text/jsv; q=0.9', format: 'jsv' },
    { name: 'Accept text/json', url: '/sessions', accept: 'text/json', format: 'json' },
    { name: 'the first listed media type decides, q-values ignored', url: '/sessions', accept: 'application/xml;q=0.1, application/json', format: 'xml' },
    { name: 'an unknown first type falls back to JSON', url: '/sessions', accept: 'text/html, application/xml', format: 'json' },
    { name: '*/* answers in the request\'s own Content-Type', url: '/sessions', accept: '*/*', contentType: 'application/xml', format: 'xml' },
    { name: '*/* with a text/jsv body', url: '/sessions', accept: '*/*', contentType: 'text/jsv; charset=utf-8', format: 'jsv' },
    { name: '*/* with a form body is the default', url: '/sessions', accept: '*/*', contentType: 'application/x-www-form-urlencoded', format: 'json' },
    { name: '*/* with no body is the default', url: '/sessions', accept: '*/*', format: 'json' },
    { name: 'a Content-Type alone does not choose the answer', url: '/sessions', contentType: 'application/xml', format: 'json' },
    { name: 'a format without a registered codec falls back to JSON', url: '/sessions?format=xml', codecs: jsonOnly, format: 'json' },
  ]);
});

describe('precedence: suffix, callback, format, route or first segment, Accept, JSON', () => {
  check([
    { name: 'suffix beats callback (no wrapping: the answer is not JSON)', url: '/sessions?callback=cb', route: { suffix: 'xml' }, format: 'xml' },
    { name: 'a .json suffix with a callback is JSONP', url: '/sessions?callback=cb', route: { suffix: 'json' }, format: 'json', callback: 'cb' },
    { name: 'suffix beats ?format=', url: '/sessions?format=xml', route: { suffix: 'jsv' }, format: 'jsv' },
    { name: 'suffix beats Accept', url: '/sessions', accept: 'application/xml', route: { suffix: 'jsv' }, format: 'jsv' },
    { name: 'callback beats ?format=', url: '/sessions?callback=cb&format=xml', format: 'json', callback: 'cb' },
    { name: 'callback beats the first segment', url: '/xml/reply/GetSession?callback=cb', format: 'json', callback: 'cb' },
    { name: 'callback beats a predefined route\'s format', url: '/xml/reply/GetSession?callback=cb', route: { handler: 'xml' }, format: 'json', callback: 'cb' },
    { name: '?format= beats the first segment', url: '/xml/reply/GetSession?format=jsv', format: 'jsv' },
    { name: '?format= beats a predefined route\'s format', url: '/api/GetSession?format=xml', route: { handler: 'json' }, format: 'xml' },
    { name: '?format= beats Accept', url: '/sessions?format=jsv', accept: 'application/xml', format: 'jsv' },
    { name: 'first segment beats Accept', url: '/jsv/reply/GetSession', accept: 'application/xml', format: 'jsv' },
    { name: 'a predefined route ignores Accept', url: '/api/GetSession', accept: 'application/xml', route: { handler: 'json' }, format: 'json' },
    { name: 'a predefined route ignores */* with an XML body', url: '/api/NewSession', accept: '*/*', contentType: 'application/xml', route: { handler: 'json' }, format: 'json' },
    { name: 'Accept beats the default', url: '/sessions', accept: 'application/jsv', format: 'jsv' },
  ]);
});
