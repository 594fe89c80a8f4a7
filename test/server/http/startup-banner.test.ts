import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposureWarning } from '../../../src/server/http/startup-banner.js';

describe('the start-up warning for a mock other machines can reach', () => {
  for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
    it(`--host ${host}: no warning`, () => assert.equal(exposureWarning(host, 4010, []), undefined));
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.20', 'mybox.lan']) {
    it(`--host ${host}: says who can reach it, what they can do, and how to keep it local`, () => {
      const text = exposureWarning(host, 4010, ['mock.internal']) ?? '';
      assert.match(text, /WARNING/);
      assert.match(text, /4010/);
      assert.match(text, /admin API/);
      assert.match(text, /--host 127\.0\.0\.1/);
      assert.match(text, /mock\.internal/);
      assert.match(text, /--allowed-hosts/);
    });
  }
});
