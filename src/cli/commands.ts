import { contractOptions } from '../options/contract-options.js';
import { generateOptions } from '../options/generate-options.js';
import { initOptions } from '../options/init-options.js';
import { seedOptions, serveOptions } from '../options/mock-options.js';
import { defineCommand, noArguments, type Command } from './command.js';

/**
 * Every subcommand, described once (name, summary, options, details) for `--help` and parsing; what
 * each does is imported only when it runs, so `evo-mock serve` does not pay for the generator's or
 * the contract runner's modules at start-up.
 */
export const commands: Readonly<Record<string, Command>> = {
  generate: defineCommand({
    name: 'generate',
    summary: 'Parse the DTO pages in spec/sources/ into spec/openapi.json and src/generated/dtos.ts (+ client-dtos.ts)',
    details: [
      'Every <Operation>.txt in the sources folder is one saved ServiceStack metadata page (Python, JavaScript or',
      'F# DTOs, or HTML parameter tables). Dropping in another page adds its operation. The report printed at the',
      'end lists where the pages disagree and how each disagreement was resolved. Beside the types file it writes',
      'client-<types file>: the request DTOs as classes for @servicestack/client (client.get(new GetSession(...))).',
      'The defaults are in the package folder; paths you give are taken from the current folder.',
    ].join('\n'),
    options: generateOptions,
    configSection: 'generate',
    run: async (settings, given) => (await import('./generate-command.js')).runGenerate(settings, given),
  }),
  serve: defineCommand({
    name: 'serve',
    summary: 'Serve the mock Evo Voice Sessions API (Express 5, from spec/openapi.json)',
    details: [
      'On first start the store is seeded (--seed, --sessions, --now); later starts keep it, with every',
      'session created since. Dev users come from fixtures/users.json and are printed on start.',
      'SIGINT or SIGTERM stops accepting, lets in-flight requests finish, flushes the store and exits 0.',
      '--scenario shapes a new or reset store; POST /__admin/scenarios/NAME applies one to the running mock.',
    ].join('\n'),
    options: serveOptions,
    configSection: 'mock',
    run: async (...args) => (await import('./serve-command.js')).runServe(...args),
  }),
  seed: defineCommand({
    name: 'seed',
    summary: 'Write a store of faker-seeded sessions without serving',
    details: [
      'Without --reset an existing store is kept as it is (with any sessions created since); the seed options',
      'only shape a new store. The same --seed, --sessions and --now always write byte-identical files.',
      'Users, roles and accounts come from fixtures/; an account with seedShare 0 gets no sessions.',
      '--scenario adds named QA states with fixed ids (--scenario list shows them); same options, same bytes.',
    ].join('\n'),
    options: seedOptions,
    configSection: 'mock',
    run: async (...args) => (await import('./seed-command.js')).runSeed(...args),
  }),
  contract: defineCommand({
    name: 'contract',
    summary: 'Check that a target (this mock, a fake, the real API) honours spec/openapi.json in JSON, XML and JSV (CI and QA)',
    details: [
      'Cases are derived from the spec: for every operation and format, valid requests (ids and filter values taken',
      "from the target's own answers), refusals (401 without credentials, 400 for a wrong-typed value, 404 for an",
      'unknown id) and generated requests (fast-check). Every answer is checked for status, content type, its body',
      "read in its own format and validated against the spec's schema, ServiceStack's error shape, and for XML and",
      "JSV byte-exactness against the project's writers; lists for paging, page size, sort order and filters.",
      '',
      'Failures are grouped by root cause: one member missing from every answer is one failure that lists the cases',
      'and places it was seen in.',
      '',
      'Exit codes: 0 every case passed; 1 a case failed, or more were skipped than --max-skipped allows; 2 the options',
      'are wrong, the target cannot be reached, refuses the credentials, or does not look like the API at all.',
      '',
      'Example, against the local mock:',
      '  evo-mock contract --target http://127.0.0.1:4010 --user dev@example.com --password dev --report junit.xml',
    ].join('\n'),
    options: contractOptions,
    configSection: 'contract',
    run: async (settings) => (await import('./contract-command.js')).runContractCommand(settings),
  }),
  init: defineCommand({
    name: 'init',
    summary: 'Write a commented starting evo-mock.config.json (every option, with its help and environment variable)',
    details: [
      'The file holds options by their camelCase names: the mock\'s at the top (serve and seed), the contract\'s under',
      '"contract", the generator\'s under "generate". It may carry // comments. Precedence: flags, then EVO_MOCK_*',
      'environment variables, then the file, then defaults; every command prints what applies with --print-config.',
    ].join('\n'),
    options: initOptions,
    configSection: 'none',
    run: async (settings, _given, positionals) => {
      noArguments('init', positionals);
      return (await import('./init-command.js')).runInit(settings);
    },
  }),
};
