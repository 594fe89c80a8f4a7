/**
 * The library entry (`import { ... } from 'evo-mock'`): the contract runner's report types and the
 * errors a run can stop with. The in-process mock (startMock) and runContract join it as they land.
 */
export type { RunReport, CaseResult } from './contract/run-report.js';
export type { RootCause, Sighting } from './contract/root-causes.js';
export type { SkipLimit, Verdict } from './contract/verdict.js';
export { TargetUnreachableError } from './contract/http-client.js';
export { CredentialsRefusedError, NotTheApiError } from './contract/probe.js';
