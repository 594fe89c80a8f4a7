import assert from 'node:assert/strict';
import type { Request } from 'express';
import { describe, it } from 'node:test';
import { QueryMap } from '../../src/server/binding/query-string.js';
import type { CodecRegistry } from '../../src/server/wire/codecs.js';
import { negotiate } from '../../src/server/wire/negotiate.js';
import type { Codec, WireFormat } from '../../src/wire/codec.js';

const fake = (format: WireFormat): Codec => ({ format, contentType: format, stringify: () => '', parse: () => ({}) });
const all: CodecRegistry = { json: fake('json'), xml: fake('xml'), jsv: fake('jsv') };
const jsonOnly: CodecRegistry = { json: fake('json') };
const request = (accept?: string) => ({ headers: accept === undefined ? {} : { accept } }) as unknown as Request;

describe('negotiating the response format as ServiceStack does on REST routes', () => {
  const cases: { name: string; url: string; accept?: string; codecs?: CodecRegistry; format: WireFormat }[] = [
    { name: 'nothing asked: JSON', url: '/sessions', format: 'json' },
    { name: 'Accept application/xml', url: '/sessions', accept: 'application/xml', format: 'xml' },
    { name: 'Accept text/xml', url: '/sessions', accept: 'text/xml', format: 'xml' },
    { name: 'Accept application/jsv', url: '/sessions', accept: 'application/jsv', format: 'jsv' },
    { name: 'Accept text/jsv', url: '/sessions', accept: 'text/jsv; q=0.9', format: 'jsv' },
    { name: 'the first listed media type decides, q-values ignored', url: '/sessions', accept: 'application/xml;q=0.1, application/json', format: 'xml' },
    { name: 'an unknown first type falls back to JSON', url: '/sessions', accept: 'text/html, application/xml', format: 'json' },
    { name: '?format= beats Accept', url: '/sessions?format=jsv', accept: 'application/xml', format: 'jsv' },
    { name: '?format= is read before any dot, in any case', url: '/sessions?FORMAT=XML.v2', format: 'xml' },
    { name: '?callback= forces JSON', url: '/sessions?callback=cb&format=xml', format: 'json' },
    { name: 'a format without a registered codec falls back to JSON', url: '/sessions?format=xml', codecs: jsonOnly, format: 'json' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const codec = negotiate(request(c.accept), QueryMap.fromUrl(c.url), c.codecs ?? all);
      assert.equal(codec.format, c.format);
    });
  }

  it('an override (a .xml suffix, say) beats everything', () => {
    assert.equal(negotiate(request('application/json'), QueryMap.fromUrl('/s?format=json'), all, 'xml').format, 'xml');
  });
});
