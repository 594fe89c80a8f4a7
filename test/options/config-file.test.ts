import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { parseCommandArgs } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands.js';
import { loadConfigFile } from '../../src/options/config-file.js';
import { configSchema } from '../../src/options/config-schema.js';
import { configTemplate } from '../../src/options/config-template.js';
import { parseJsonc } from '../../src/options/jsonc.js';
import { serveOptions } from '../../src/options/mock-options.js';
import { layerSettings } from '../../src/options/settings-sources.js';
import { UsageError } from '../../src/options/usage-error.js';
import { packageRoot, packageVersion } from '../../src/spec/package-root.js';
import { runEvoMock } from '../cli/helpers/evo-mock-process.js';

const SCHEMA_FILE = join(packageRoot(), 'evo-mock.config.schema.json');

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-config-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

describe('evo-mock.config.json', () => {
  it('is JSON with comments and trailing commas; text inside strings is kept', () => {
    assert.deepEqual(parseJsonc('// top\n{ "a": "http://x//y", /* b */ "b": [1, 2,], // c\n "c": "/* not a comment */", }'), { a: 'http://x//y', b: [1, 2], c: '/* not a comment */' });
  });

  it('the shipped JSON Schema is the one the options model derives (WRITE_CONFIG_SCHEMA=1 rewrites it)', () => {
    const derived = `${JSON.stringify(configSchema(packageVersion()), null, 2)}\n`;
    if (process.env['WRITE_CONFIG_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, derived);
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), derived, 'evo-mock.config.schema.json is stale: run WRITE_CONFIG_SCHEMA=1 node --import tsx --test test/options/config-file.test.ts');
    const schema = JSON.parse(derived) as { properties: Record<string, { description: string }> };
    for (const o of Object.values(serveOptions)) assert.match(schema.properties[o.key]!.description, new RegExp(o.env), o.key);
  });

  it("init's starting file reads back, names every option, keeps secrets out, and is valid under the schema", () => {
    const text = configTemplate('./evo-mock.config.schema.json');
    const value = parseJsonc(text) as Record<string, unknown>;
    const validate = new Ajv({ strict: false }).compile(configSchema(packageVersion()));
    assert.equal(validate(value), true, JSON.stringify(validate.errors));
    assert.deepEqual(Object.keys(value), ['$schema', 'port', 'db', 'seed', 'sessions', 'contract']);
    for (const o of Object.values(serveOptions)) assert.match(text, new RegExp(`"${o.key}"`), o.key);
    assert.doesNotMatch(text, /"password"|"bearer"/);
    // Uncommenting any line leaves JSON the reader takes.
    const uncommented = text.replace(/^(\s*)\/\/ ("\w+":)/gm, '$1$2');
    const all = parseJsonc(uncommented) as Record<string, unknown>;
    assert.equal(all['bodyLimit'], 1048576);
    assert.equal(validate(all), true, JSON.stringify(validate.errors));
  });

  it('refuses an unknown key with the one meant, and a wrong value naming the file and key', async () => {
    const typo = await write('typo.json', '{ "prot": 4020 }');
    assert.throws(() => loadConfigFile(typo, dir), /typo\.json: unknown option "prot"\. Did you mean "port"\?/);
    const kebab = await write('kebab.json', '{ "body-limit": 10 }');
    assert.throws(() => loadConfigFile(kebab, dir), /unknown option "body-limit"\. Did you mean "bodyLimit"\?/);
    const section = await write('section.json', '{ "contract": { "taget": "x" } }');
    assert.throws(() => loadConfigFile(section, dir), /unknown option "contract\.taget"\. Did you mean "contract\.target"\?/);
    const broken = await write('broken.json', '{ "port": 4020');
    assert.throws(() => loadConfigFile(broken, dir), /broken\.json is not valid JSON/);
    assert.throws(() => loadConfigFile('missing.json', dir), /--config missing\.json: no such file\. Write a starting one with 'evo-mock init --config missing\.json'/);
    assert.equal(loadConfigFile(undefined, dir), undefined, 'no evo-mock.config.json in the folder: none');
    const wrong = await write('wrong.json', '{ "port": "eighty" }');
    const file = loadConfigFile(wrong, dir)!;
    assert.throws(() => layerSettings(serveOptions, { argv: {}, env: {}, file: { path: file.path, prefix: '', values: file.mock } }), (err: unknown) => err instanceof UsageError && /wrong\.json: port takes a whole number, not 'eighty'/.test(err.message));
  });

  it('precedence: flags, then EVO_MOCK_* variables, then the file, then defaults, each setting saying where it came from', () => {
    const file = { path: 'evo-mock.config.json', prefix: '', values: { port: 4020, sessions: 30, seed: 5, db: './mock-db.json', scenario: ['missed-call'], noQuirks: true } };
    const env = { EVO_MOCK_SESSIONS: '40', EVO_MOCK_SEED: '6', EVO_MOCK_BODY_LIMIT: '' };
    const { settings, origins, given } = layerSettings(serveOptions, { argv: { seed: '7' }, env, file });
    assert.equal(settings.seed, 7);
    assert.equal(origins.seed.name, '--seed');
    assert.equal(settings.sessions, 40);
    assert.equal(origins.sessions.name, 'EVO_MOCK_SESSIONS');
    assert.equal(settings.port, 4020);
    assert.equal(origins.port.name, 'evo-mock.config.json: port');
    assert.equal(settings.db, './mock-db.json');
    assert.deepEqual(settings.scenario, ['missed-call']);
    assert.equal(settings.noQuirks, true);
    assert.equal(settings.bodyLimit, 1048576, 'an empty variable is unset');
    assert.equal(origins.bodyLimit.kind, 'default');
    assert.ok(given.has('port') && !given.has('host'));
    assert.throws(() => layerSettings(serveOptions, { argv: {}, env: { EVO_MOCK_PORT: 'x' } }), /^UsageError: EVO_MOCK_PORT takes a whole number/);
  });

  it("contract credentials come together from one source: --bearer over EVO_MOCK_USER/PASSWORD is no conflict; its --seed is EVO_MOCK_CONTRACT_SEED", () => {
    const cmd = commands['contract']!;
    const env = { EVO_MOCK_USER: 'ci@example.com', EVO_MOCK_PASSWORD: 's3cret', EVO_MOCK_SEED: '99', EVO_MOCK_CONTRACT_SEED: '12' };
    const fromEnv = parseCommandArgs(cmd, [], { env }).settings as Record<string, unknown>;
    assert.deepEqual([fromEnv['user'], fromEnv['password'], fromEnv['seed']], ['ci@example.com', 's3cret', 12]);
    const withFlag = parseCommandArgs(cmd, ['--bearer', 'tok'], { env }).settings as Record<string, unknown>;
    assert.deepEqual([withFlag['user'], withFlag['password'], withFlag['bearer']], [undefined, undefined, 'tok']);
  });
});

describe('evo-mock init and --print-config (the command line)', () => {
  const evo = (args: string[], cwd: string, env: Record<string, string> = {}) => runEvoMock(args, { cwd, env });
  let work: string;
  before(async () => {
    work = await mkdtemp(join(dir, 'project-'));
  });

  it('init writes a commented starting config, and will not overwrite it without --force', async () => {
    const first = await evo(['init'], work);
    assert.equal(first.code, 0, first.stderr);
    const text = await readFile(join(work, 'evo-mock.config.json'), 'utf8');
    assert.match(text, /^\/\/ evo-mock configuration/);
    assert.match(text, /"\$schema": "[./]*\/?[^"]*evo-mock\.config\.schema\.json"/);
    const again = await evo(['init'], work);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /evo-mock\.config\.json exists; edit it, or pass --force/);
    assert.equal((await evo(['init', '--force'], work)).code, 0);
  });

  it('serve --print-config shows each value and where it came from, and starts nothing', async () => {
    await writeFile(join(work, 'evo-mock.config.json'), '{ "port": 4020, "sessions": 30, "seed": 5, "db": "./mock-db.json" }');
    const r = await evo(['serve', '--seed', '7', '--print-config'], work, { EVO_MOCK_SESSIONS: '40' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /config file: evo-mock\.config\.json/);
    assert.match(r.stdout, /\n {2}port +4020 +evo-mock\.config\.json: port\n/);
    assert.match(r.stdout, /\n {2}seed +7 +--seed\n/);
    assert.match(r.stdout, /\n {2}sessions +40 +EVO_MOCK_SESSIONS\n/);
    assert.match(r.stdout, /\n {2}host +127\.0\.0\.1 +default\n/);
    assert.equal(existsSync(join(work, 'mock-db.json')), false, 'nothing was seeded');
  });

  it('contract --print-config never prints a secret', async () => {
    const r = await evo(['contract', '--print-config', '--config', 'evo-mock.config.json'], work, { EVO_MOCK_USER: 'ci@example.com', EVO_MOCK_PASSWORD: 'hunter2' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\n {2}user +ci@example\.com +EVO_MOCK_USER\n/);
    assert.match(r.stdout, /\n {2}password +\(set, not shown\) +EVO_MOCK_PASSWORD\n/);
    assert.doesNotMatch(r.stdout, /hunter2/);
  });

  it('a --config that does not exist is a usage error (exit 2) that says how to make one', async () => {
    const r = await evo(['serve', '--config', 'nope.json'], work);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--config nope\.json: no such file\. Write a starting one with 'evo-mock init --config nope\.json'/);
  });
});
