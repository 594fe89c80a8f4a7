import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { genericDataContractName, namespacesDigest } from '../../src/spec/data-contract-name.js';

/**
 * DataContractSerializer computes its digest with its own MD5 loop (DataContract.ComputeHash), which
 * keeps only the first 6 bytes. This is that loop, written out independently, to show that it agrees
 * with the standard MD5 the implementation uses.
 */
function dcsHash(bytes: Uint8Array): Uint8Array {
  const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const sines = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
  const blocks = Math.floor((bytes.length + 8) / 64) + 1;
  let aa = 0x67452301, bb = 0xefcdab89, cc = 0x98badcfe, dd = 0x10325476;
  for (let i = 0; i < blocks; i++) {
    let block = bytes;
    let offset = i * 64;
    if (offset + 64 > bytes.length) {
      block = new Uint8Array(64);
      for (let j = offset; j < bytes.length; j++) block[j - offset] = bytes[j]!;
      if (offset <= bytes.length) block[bytes.length - offset] = 0x80;
      if (i === blocks - 1) {
        block[56] = (bytes.length << 3) & 0xff;
        block[57] = (bytes.length >> 5) & 0xff;
        block[58] = (bytes.length >> 13) & 0xff;
        block[59] = (bytes.length >> 21) & 0xff;
      }
      offset = 0;
    }
    let a = aa, b = bb, c = cc, d = dd;
    for (let j = 0; j < 64; j++) {
      let f: number, g: number;
      if (j < 16) [f, g] = [(b & c) | (~b & d), j];
      else if (j < 32) [f, g] = [(b & d) | (c & ~d), 5 * j + 1];
      else if (j < 48) [f, g] = [b ^ c ^ d, 3 * j + 5];
      else [f, g] = [c ^ (b | ~d), 7 * j];
      g = (g & 0x0f) * 4 + offset;
      const hold = d;
      d = c;
      c = b;
      const word = (block[g]! | (block[g + 1]! << 8) | (block[g + 2]! << 16) | (block[g + 3]! << 24)) >>> 0;
      let sum = (a + f + sines[j]! + word) >>> 0;
      const s = shifts[(j & 3) | ((j >> 2) & ~3)]!;
      sum = ((sum << s) | (sum >>> (32 - s))) >>> 0;
      b = (sum + c) >>> 0;
      a = hold;
    }
    aa = (aa + a) >>> 0;
    bb = (bb + b) >>> 0;
    if (i < blocks - 1) {
      cc = (cc + c) >>> 0;
      dd = (dd + d) >>> 0;
    }
  }
  return new Uint8Array([aa & 0xff, (aa >>> 8) & 0xff, (aa >>> 16) & 0xff, aa >>> 24, bb & 0xff, (bb >>> 8) & 0xff]);
}

function dcsDigest(text: string): string {
  return Buffer.from(dcsHash(new TextEncoder().encode(text))).toString('base64').replace(/=/g, '').replace(/\//g, '_S').replace(/\+/g, '_P');
}

describe("DataContractSerializer's names for closed generics", () => {
  const inputs = [
    ' 1 http://schemas.datacontract.org/2004/07/Voice.Api.Sessions',
    ' 1 http://schemas.servicestack.net/types',
    '',
    'x'.repeat(55),
    'x'.repeat(56),
    'x'.repeat(64),
    'x'.repeat(130),
  ];
  for (const text of inputs) {
    it(`the digest agrees with DCS's own MD5 loop for a ${text.length}-byte input`, () => assert.equal(namespacesDigest(text), dcsDigest(text)));
  }

  it('writes ListResponse<SessionInfo> as ListResponseOfSessionInfo plus the digest of its argument namespace', () => {
    assert.equal(
      genericDataContractName('ListResponse', [{ name: 'SessionInfo', namespace: 'http://schemas.datacontract.org/2004/07/Voice.Api.Sessions' }]),
      'ListResponseOfSessionInfoBWxtuWQa',
    );
  });

  it('adds no digest when every argument comes from a built-in namespace', () => {
    assert.equal(genericDataContractName('ListResponse', [{ name: 'string', namespace: 'http://www.w3.org/2001/XMLSchema' }]), 'ListResponseOfstring');
  });
});
