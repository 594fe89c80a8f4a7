import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codecFor, codecs } from '../../src/wire/codecs.js';

describe('codec registry', () => {
  it('lists one codec per format, JSON first', () => {
    assert.deepEqual(codecs.map((c) => c.format), ['json', 'xml', 'jsv']);
  });
  for (const format of ['json', 'xml', 'jsv'] as const) {
    it(`codecFor('${format}') answers the ${format} codec`, () => assert.equal(codecFor(format).format, format));
  }
});
