import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { helpFor } from '../../src/cli/command.js';
import { contractOptions } from '../../src/options/contract-options.js';
import { serveOptions } from '../../src/options/mock-options.js';
import { defaultsOf, defineOptions, envOf, flag, flagOf, integer, readSettings, text } from '../../src/options/option-model.js';
import { UsageError } from '../../src/options/usage-error.js';

describe('the options model', () => {
  const names: [string, string, string][] = [
    ['port', 'port', 'EVO_MOCK_PORT'],
    ['bodyLimit', 'body-limit', 'EVO_MOCK_BODY_LIMIT'],
    ['empty401', 'empty-401', 'EVO_MOCK_EMPTY_401'],
    ['corsAnyOrigin', 'cors-any-origin', 'EVO_MOCK_CORS_ANY_ORIGIN'],
  ];
  for (const [key, flagName, env] of names) {
    it(`derives --${flagName} and ${env} from ${key}`, () => {
      assert.equal(flagOf(key), flagName);
      assert.equal(envOf(flagName), env);
    });
  }

  it("names the contract's credentials EVO_MOCK_USER, EVO_MOCK_PASSWORD and EVO_MOCK_BEARER", () => {
    assert.deepEqual([contractOptions.user.env, contractOptions.password.env, contractOptions.bearer.env], ['EVO_MOCK_USER', 'EVO_MOCK_PASSWORD', 'EVO_MOCK_BEARER']);
  });

  it('gives every default once: what is not given is the default, and only what was typed counts as given', () => {
    const { settings, given } = readSettings(serveOptions, { port: '0', 'no-quirks': true });
    assert.deepEqual(settings, { ...defaultsOf(serveOptions), port: 0, noQuirks: true });
    assert.deepEqual([...given].sort(), ['noQuirks', 'port']);
    assert.equal(defaultsOf(serveOptions).bodyLimit, 1024 * 1024);
  });

  it('a new option is one entry: parsed, defaulted and explained with no other change', () => {
    const options = defineOptions({
      latency: integer({ placeholder: 'MS', default: 0, min: 0, max: 60_000, help: 'Delay every answer by this long.' }),
      adminToken: text({ placeholder: 'TOKEN', help: 'Require this token on /__admin.' }),
      live: flag({ help: 'Let the clock run.' }),
    });
    assert.deepEqual(readSettings(options, {}).settings, { latency: 0, adminToken: undefined, live: false });
    assert.deepEqual(readSettings(options, { latency: '250', 'admin-token': 's3cret', live: true }).settings, { latency: 250, adminToken: 's3cret', live: true });
    const help = helpFor({ name: 'x', summary: 'x', options, configSection: 'none', run: async () => 0 });
    assert.match(help, /--latency MS\s+Delay every answer by this long\. \(default: 0\)/);
    assert.match(help, /--admin-token TOKEN\s+Require this token on \/__admin\.\n/);
    assert.equal(options.adminToken.env, 'EVO_MOCK_ADMIN_TOKEN');
  });

  const wrong: { raw: Record<string, string | boolean>; says: RegExp }[] = [
    { raw: { port: 'eighty' }, says: /^--port takes a whole number, not 'eighty'\.$/ },
    { raw: { port: '70000' }, says: /^--port must be between 0 and 65535; got 70000\.$/ },
    { raw: { now: '2026-11-20T24:61' }, says: /^--now takes an ISO 8601 date-time such as 2026-11-20T12:00:00Z \(or a date, 2026-11-20\); '2026-11-20T24:61' is not a day and time of the calendar\.$/ },
    { raw: { 'no-quirks': 'maybe' }, says: /--no-quirks is on or off \(true or false\), not 'maybe'/ },
  ];
  for (const w of wrong) {
    it(`refuses ${JSON.stringify(w.raw)} saying what to give`, () => {
      assert.throws(() => readSettings(serveOptions, w.raw), (err: unknown) => err instanceof UsageError && w.says.test(err.message));
    });
  }

  it('reads on/off values from text, as an environment variable or a config file gives them', () => {
    for (const [text, on] of [['true', true], ['1', true], ['on', true], ['false', false], ['0', false], ['off', false]] as const) {
      assert.equal(readSettings(serveOptions, { quiet: text }).settings.quiet, on, text);
    }
  });
});
