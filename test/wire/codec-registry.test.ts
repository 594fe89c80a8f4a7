import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Codec } from '../../src/wire/codec.js';
import { CodecRegistry, defaultCodecs } from '../../src/wire/codec-registry.js';
import { jsonCodec } from '../../src/wire/json-codec.js';

const named = (format: string, mediaTypes: string[]): Codec => ({ ...jsonCodec, format, mediaTypes });

describe('the codec registry', () => {
  it('holds JSON, XML and JSV, JSON first', () => {
    assert.deepEqual(defaultCodecs.formats, ['json', 'xml', 'jsv']);
    assert.equal(defaultCodecs.json.format, 'json');
  });

  it('finds a codec by name in any case, by body media type (aliases included) and by Accept prefix', () => {
    assert.equal(defaultCodecs.named('XML')?.format, 'xml');
    assert.equal(defaultCodecs.named('csv'), undefined);
    assert.equal(defaultCodecs.forMediaType('text/xml')?.format, 'xml');
    assert.equal(defaultCodecs.forMediaType('text/jsv')?.format, 'jsv');
    assert.equal(defaultCodecs.forMediaType('text/plain'), undefined);
    assert.equal(defaultCodecs.forAccept('application/jsv+x')?.format, 'jsv');
    assert.throws(() => defaultCodecs.get('csv'), /no codec named 'csv'; registered: json, xml, jsv/);
  });

  const refused: { name: string; codecs: Codec[]; says: RegExp }[] = [
    { name: 'no JSON', codecs: [named('toy', ['application/x-toy'])], says: /needs the JSON codec/ },
    { name: 'two codecs of one name', codecs: [jsonCodec, named('JSON', ['application/x-other'])], says: /two codecs are named 'JSON'/ },
    { name: 'one media type claimed twice', codecs: [jsonCodec, named('toy', ['text/json'])], says: /text\/json is claimed by both 'json' and 'toy'/ },
    { name: 'a name that is no path segment', codecs: [jsonCodec, named('x/y', ['application/x-y'])], says: /a word of letters and digits/ },
  ];
  for (const r of refused) it(`refuses ${r.name}`, () => assert.throws(() => new CodecRegistry(r.codecs), r.says));
});
