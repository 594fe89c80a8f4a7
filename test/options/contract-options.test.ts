import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contractOptions, contractRun } from '../../src/options/contract-options.js';
import type { RawValue } from '../../src/options/option-model.js';
import { layerSettings } from '../../src/options/settings-sources.js';
import { UsageError } from '../../src/options/usage-error.js';

type Given = Readonly<Record<string, RawValue>>;
const read = (values: Given, env: NodeJS.ProcessEnv = {}) => contractRun(layerSettings(contractOptions, { argv: values, env }).settings, () => 1234);
const T = { target: 'http://127.0.0.1:4010/' };

describe('contract options', () => {
  it('takes credentials from EVO_MOCK_USER / EVO_MOCK_PASSWORD / EVO_MOCK_BEARER when no flag gives any, and flags win as a whole', () => {
    const env = { EVO_MOCK_USER: 'ci@example.com', EVO_MOCK_PASSWORD: 's3cret' };
    assert.deepEqual(read(T, env).target.credentials, { kind: 'basic', user: 'ci@example.com', password: 's3cret' });
    assert.deepEqual(read(T, { EVO_MOCK_BEARER: 'tok' }).target.credentials, { kind: 'bearer', token: 'tok' });
    assert.deepEqual(read({ ...T, bearer: 'flag' }, env).target.credentials, { kind: 'bearer', token: 'flag' });
    assert.deepEqual(read(T, { EVO_MOCK_USER: '' }).target.credentials, { kind: 'none' });
    assert.throws(() => read(T, { EVO_MOCK_USER: 'ci@example.com' }), /--user ci@example.com needs --password/);
  });

  it('reads a plain run: all formats, read-only, a random seed, Basic auth, the trailing slash dropped', () => {
    const o = read({ ...T, user: 'dev@example.com', password: 'dev' });
    assert.equal(o.target.baseUrl, 'http://127.0.0.1:4010');
    assert.deepEqual(o.target.credentials, { kind: 'basic', user: 'dev@example.com', password: 'dev' });
    assert.deepEqual(o.formats, ['json', 'xml', 'jsv']);
    assert.equal(o.allowWrites, false);
    assert.equal(o.seed, 1234);
    assert.equal(o.propertyRuns, 25);
  });

  it('keeps a base path, takes a bearer token, a seed, writes, and puts JSON first among the formats', () => {
    const o = read({ target: 'https://team.evovoice.io/api/', bearer: 't0k', seed: '-7', 'allow-writes': true, formats: 'jsv, JSON', 'property-runs': '100', timeout: '2500', report: 'j.xml', json: 'r.json' });
    assert.equal(o.target.baseUrl, 'https://team.evovoice.io/api');
    assert.deepEqual(o.target.credentials, { kind: 'bearer', token: 't0k' });
    assert.deepEqual(o.formats, ['json', 'jsv']);
    assert.equal(o.seed, -7);
    assert.equal(o.allowWrites, true);
    assert.equal(o.propertyRuns, 100);
    assert.equal(o.timeoutMs, 2500);
    assert.equal(o.junitPath, 'j.xml');
    assert.equal(o.jsonPath, 'r.json');
  });

  const refusals: { values: Given; says: RegExp }[] = [
    { values: {}, says: /--target is required/ },
    { values: { target: 'localhost:4010' }, says: /must be an http or https URL/ },
    { values: { target: 'not a url' }, says: /is not a URL/ },
    { values: { target: 'http://h/?x=1' }, says: /drop the query/ },
    { values: { ...T, user: 'a', password: 'b', bearer: 'c' }, says: /either --user and --password, or --bearer/ },
    { values: { ...T, password: 'b' }, says: /--password needs --user/ },
    { values: { ...T, formats: 'json,csv' }, says: /unknown format csv/ },
    { values: { ...T, formats: ',' }, says: /at least one of json, xml, jsv/ },
    { values: { ...T, 'property-runs': '-1' }, says: /--property-runs must be between 0 and 10000/ },
    { values: { ...T, timeout: '5s' }, says: /--timeout takes a whole number/ },
  ];
  for (const r of refusals) {
    it(`refuses ${JSON.stringify(r.values)} with a UsageError that says what to do`, () => {
      assert.throws(() => read(r.values), (err: unknown) => err instanceof UsageError && r.says.test(err.message));
    });
  }
});
