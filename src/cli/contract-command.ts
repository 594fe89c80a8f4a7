import { writeFile } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import type { ApiModel } from '../spec/api-model.js';
import { loadApiModel } from '../spec/wire-model.js';
import { defaultCodecs } from '../wire/codec-registry.js';
import { contractRun, type ContractSettings } from '../options/contract-options.js';
import { UsageError } from '../options/usage-error.js';
import { fetchClient, TargetUnreachableError } from '../contract/http-client.js';
import { CredentialsRefusedError, NotTheApiError } from '../contract/run-errors.js';
import { progressPrinter } from '../contract/progress.js';
import { jsonReport } from '../contract/report-json.js';
import { junitXml } from '../contract/report-junit.js';
import { closingLines, failureList, summaryTable } from '../contract/report-table.js';
import { runContract } from '../contract/runner.js';

export async function runContractCommand(settings: ContractSettings): Promise<number> {
  const options = contractRun(settings, () => randomInt(1, 2 ** 31 - 1));
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
      { model, codecs: defaultCodecs, http: fetchClient(options.timeoutMs) },
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
}

async function writeReport(path: string, text: string, kind: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot write the ${kind} report to ${path}: ${err instanceof Error ? err.message : String(err)}. Check that the folder exists and is writable.`);
  }
  console.log(`${kind} report: ${path}`);
}
