import { writeFile } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import type { ApiModel } from '../spec/api-model.js';
import { loadApiModel } from '../spec/wire-model.js';
import { codecFor } from '../wire/codecs.js';
import { readContractOptions, DEFAULT_PROPERTY_RUNS, DEFAULT_TIMEOUT_MS } from '../contract/contract-options.js';
import { fetchClient, TargetUnreachableError } from '../contract/http-client.js';
import { CredentialsRefusedError, NotTheApiError } from '../contract/probe.js';
import { progressPrinter } from '../contract/progress.js';
import { jsonReport } from '../contract/report-json.js';
import { junitXml } from '../contract/report-junit.js';
import { closingLines, failureList, summaryTable } from '../contract/report-table.js';
import { runContract } from '../contract/runner.js';
import { UsageError, type Command } from './command.js';

export const contractCommand: Command = {
  name: 'contract',
  summary: 'Check that a target (this mock, a fake, the real API) honours spec/openapi.json in JSON, XML and JSV',
  options: {
    target: { type: 'string', value: 'URL', description: "Base URL of the API to test (required), e.g. http://127.0.0.1:4010 or https://team.evovoice.io" },
    user: { type: 'string', value: 'USER', description: 'User name for Basic auth (with --password); or set EVO_MOCK_USER' },
    password: { type: 'string', value: 'PASSWORD', description: 'Password for Basic auth (with --user); or set EVO_MOCK_PASSWORD, which keeps it out of the command line' },
    bearer: { type: 'string', value: 'TOKEN', description: 'Bearer token instead of --user/--password; or set EVO_MOCK_BEARER' },
    formats: { type: 'string', value: 'LIST', description: 'Formats to test, comma-separated', default: 'json,xml,jsv' },
    'allow-writes': { type: 'boolean', description: 'Let the runner create data (NewSession); without it the run is read-only. What it creates is listed at the end' },
    seed: { type: 'string', value: 'N', description: 'Seed for the generated (property-based) cases; a failure prints it, and the same seed replays the run', default: 'random' },
    'property-runs': { type: 'string', value: 'N', description: 'Generated requests per operation and format (writes use at most 3)', default: String(DEFAULT_PROPERTY_RUNS) },
    'max-skipped': { type: 'string', value: 'N|P%', description: 'Fail the run (exit 1) when more than N cases, or P% of them, were skipped: a run against an empty account checks too little to pass', default: 'no limit' },
    report: { type: 'string', value: 'PATH', description: 'Write a JUnit XML report here (for CI): one testcase per root cause of failure, the seed and options as properties' },
    json: { type: 'string', value: 'PATH', description: 'Write a JSON report here' },
    timeout: { type: 'string', value: 'MS', description: 'Per-request timeout in milliseconds', default: String(DEFAULT_TIMEOUT_MS) },
    spec: { type: 'string', value: 'PATH', description: 'The OpenAPI document to test against', default: 'the package\'s spec/openapi.json' },
    verbose: { type: 'boolean', short: 'v', description: 'One line per case while it runs' },
  },
  details: [
    'Cases are derived from the spec: for every operation and format, valid requests (ids and filter values taken',
    "from the target's own answers), refusals (401 without credentials, 400 for a wrong-typed value, 404 for an",
    'unknown id) and generated requests (fast-check). Every answer is checked for status, content type, its body',
    "read in its own format and validated against the spec's schema, ServiceStack's error shape, and for XML and",
    'JSV byte-exactness against the project\'s writers; lists for paging, page size, sort order and filters.',
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

  async run(values) {
    const options = readContractOptions(values, () => randomInt(1, 2 ** 31 - 1), process.env);
    let model: ApiModel;
    try {
      model = loadApiModel(options.specPath);
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    if (options.target.credentials.kind === 'none' && model.operations.some((o) => o.requiresAuth)) {
      throw new UsageError('the spec requires authentication: give --user and --password (Basic auth), or --bearer TOKEN (or set EVO_MOCK_USER and EVO_MOCK_PASSWORD, or EVO_MOCK_BEARER). Against the local mock: --user dev@example.com --password dev.');
    }
    const log = (text: string) => process.stderr.write(text);
    log(`evo-mock contract: ${options.target.baseUrl}, formats ${options.formats.join(',')}, seed ${options.seed}${options.allowWrites ? ', writes allowed' : ', read-only'}\n`);
    let report;
    try {
      report = await runContract(
        {
          target: options.target,
          formats: options.formats,
          allowWrites: options.allowWrites,
          seed: options.seed,
          propertyRuns: options.propertyRuns,
          ...(options.maxSkipped ? { maxSkipped: options.maxSkipped } : {}),
        },
        { model, codecFor, http: fetchClient(options.timeoutMs) },
        progressPrinter({ write: log, tty: process.stderr.isTTY === true, verbose: options.verbose }),
      );
    } catch (err) {
      if (err instanceof TargetUnreachableError) {
        console.error(`evo-mock contract: cannot reach ${options.target.baseUrl}: ${err.message}. Is the server running? Start the mock with 'evo-mock serve', or check --target (and --timeout for a slow target).`);
        return 2;
      }
      if (err instanceof CredentialsRefusedError || err instanceof NotTheApiError) {
        console.error(`evo-mock contract: ${err.message}`);
        return 2;
      }
      throw err;
    }
    console.log(summaryTable(report));
    const failures = failureList(report.rootCauses);
    if (failures) console.log(`\n${failures}`);
    console.log(`\n${closingLines(report)}`);
    if (options.junitPath) await writeReport(options.junitPath, junitXml(report, { 'timeout-ms': String(options.timeoutMs), spec: options.specPath ?? 'the package spec' }), 'JUnit');
    if (options.jsonPath) await writeReport(options.jsonPath, jsonReport(report), 'JSON');
    return report.verdict.exitCode;
  },
};

async function writeReport(path: string, text: string, kind: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot write the ${kind} report to ${path}: ${err instanceof Error ? err.message : String(err)}. Check that the folder exists and is writable.`);
  }
  console.log(`${kind} report: ${path}`);
}
