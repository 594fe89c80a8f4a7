/**
 * The library entry (`import { startMock, runContract } from 'evo-mock'`): a mock in this process for a
 * test run, the contract check as a function, and the typed admin client. Options are the command
 * line's, in camelCase; the types of what they return are exported beside them.
 */
export { startMock, type Mock, type StartMockOptions } from './library/start-mock.js';
export { runContract, type RunContractOptions } from './library/run-contract.js';
export { adminClient, AdminError, type AdminClient, type AdminClientOptions, type JournalFilter, type JournalPage } from './admin-client/admin-client.js';
export type { BehaviourInput, BehaviourResponse, BehaviourView, Fault, JournalEntry, RequestMatch, ValueMatch } from './admin-client/admin-client.js';
export type { RunReport, CaseResult } from './contract/run-report.js';
export type { RootCause, Sighting } from './contract/root-causes.js';
export type { SkipLimit, Verdict } from './contract/verdict.js';
export { TargetUnreachableError } from './contract/http-client.js';
export { CredentialsRefusedError, NotTheApiError } from './contract/run-errors.js';
export { UsageError } from './options/usage-error.js';
