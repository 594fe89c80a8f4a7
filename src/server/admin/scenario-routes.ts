import type { Request, Response } from 'express';
import type { ScenarioRequest } from '../../seed/scenarios/scenario-request.js';
import type { ScenarioError } from '../../seed/scenarios/scenario.js';
import type { AppliedToStore, RunningTarget } from '../../seed/scenarios/apply-to-store.js';
import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore } from '../../store/session-store.js';
import { answerErrors, ServiceError } from '../errors/service-error.js';
import { sendJson } from './admin-json.js';
import { storeReference } from './store-reference.js';

/** Ids listed in an answer; a huge-list answer gives counts, the first ids, and says it cut the rest. */
const MAX_IDS_SHOWN = 100;

export interface ScenarioRouteDeps {
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly serial: <T>(task: () => Promise<T>) => Promise<T>;
}

/** GET /__admin/scenarios: every scenario, what it guarantees and its fixed ids. */
export async function listScenarios(_req: Request, res: Response): Promise<void> {
  const { scenarioCatalog } = await import('../../seed/scenarios/scenario-catalog.js');
  sendJson(res, 200, { scenarios: scenarioCatalog() });
}

/**
 * POST /__admin/scenarios/{name}[?count=N] (or {name}:{N}): applies the scenario to the running
 * store; 201 with what it created, 200 when everything was already there. A moving scenario starts
 * at the store's clock, and applied again starts again from there (200, what it put back listed).
 */
export function applyScenario(deps: ScenarioRouteDeps): (req: Request, res: Response) => Promise<void> {
  let world: RunningTarget['world'] | undefined;
  return async (req, res) => {
    const [{ applyToStore }, { worldOfStore }, { scenarioRequest }, { ScenarioError: ErrorType }] = await Promise.all([
      import('../../seed/scenarios/apply-to-store.js'),
      import('../../seed/scenarios/store-world.js'),
      import('../../seed/scenarios/scenario-request.js'),
      import('../../seed/scenarios/scenario.js'),
    ]);
    await answerErrors(ErrorType, fromScenarioError, async () => {
      const request = readRequest(req, scenarioRequest);
      const reference = storeReference(deps.store);
      if (!reference) {
        throw new ServiceError(409, 'Conflict', 'This store does not record the seed it was made with, so scenarios cannot be built for it. Use a store written by evo-mock seed or serve.');
      }
      const applied = await deps.serial(async () => {
        world ??= await worldOfStore(deps.fixtures, reference.seed, deps.store);
        return applyToStore(request, { store: deps.store, fixtures: deps.fixtures, world, now: reference.now(), clock: deps.store.now().getTime() });
      });
      const created = applied.created.length;
      const moving = applied.moving;
      sendJson(res, created > 0 ? 201 : 200, {
        scenario: applied.scenario,
        ...(request.scenario.count ? { count: applied.count } : {}),
        created,
        alreadyPresent: applied.alreadyPresent.length,
        ...(applied.deleted > 0 ? { deleted: applied.deleted } : {}),
        createdIds: applied.created.slice(0, MAX_IDS_SHOWN),
        alreadyPresentIds: applied.alreadyPresent.slice(0, MAX_IDS_SHOWN),
        ...(created > MAX_IDS_SHOWN || applied.alreadyPresent.length > MAX_IDS_SHOWN ? { idsTruncated: true } : {}),
        ...(moving ? { startedAt: new Date(moving.startedAt).toISOString(), restartedIds: moving.restarted, removedIds: moving.removed } : {}),
        message:
          moving && moving.restarted.length + moving.removed.length > 0
            ? restartSummary(applied.scenario, moving, created)
            : summary(applied.scenario, created, applied.alreadyPresent.length, applied.deleted),
      });
    });
  };
}

function readRequest(req: Request, scenarioRequest: (name: string, count?: string) => ScenarioRequest): ScenarioRequest {
  const raw = String(req.params['name'] ?? '');
  const colon = raw.indexOf(':');
  const name = colon < 0 ? raw : raw.slice(0, colon);
  const inName = colon < 0 ? undefined : raw.slice(colon + 1);
  const inQuery = new URL(req.originalUrl, 'http://admin.invalid').searchParams.get('count') ?? undefined;
  if (inName !== undefined && inQuery !== undefined && inName !== inQuery) {
    throw new ServiceError(400, 'ArgumentException', `Give the size once: ${name}:${inName} and ?count=${inQuery} disagree.`, [
      { errorCode: 'ArgumentException', fieldName: 'count', message: 'The size is given twice, differently.' },
    ]);
  }
  return scenarioRequest(name, inName ?? inQuery);
}

function summary(name: string, created: number, present: number, deleted: number): string {
  if (deleted > 0) return `Applied '${name}': deleted ${deleted} session${deleted === 1 ? '' : 's'}${created > 0 ? `, created ${created}` : ''}.`;
  if (created === 0 && present === 0) return `'${name}' holds in this store; it creates no session.`;
  if (created === 0) return `'${name}' was already applied: all ${present} of its sessions are in the store; nothing was created.`;
  return `Applied '${name}': created ${created} session${created === 1 ? '' : 's'}${present > 0 ? `, ${present} were already there` : ''}.`;
}

/** A moving scenario applied again: what went back to its first state, what was made anew, what its steps will make again. */
function restartSummary(name: string, m: NonNullable<AppliedToStore['moving']>, created: number): string {
  const sessions = (n: number) => `${n} session${n === 1 ? '' : 's'}`;
  const parts = [
    ...(m.restarted.length > 0 ? [`${sessions(m.restarted.length)} put back to the first state`] : []),
    ...(created > 0 ? [`${sessions(created)} created anew`] : []),
  ];
  const removed = m.removed.length > 0 ? `; ${sessions(m.removed.length)} its steps had made deleted until they make ${m.removed.length === 1 ? 'it' : 'them'} again` : '';
  return `Restarted '${name}' at ${new Date(m.startedAt).toISOString()}: ${parts.join(', ')}, every step due again from now${removed}.`;
}

/** unknown: 404 listing the scenarios; a bad size: 400 on `count`; a state the mock cannot reach: 409. */
function fromScenarioError(err: ScenarioError): ServiceError {
  switch (err.kind) {
    case 'unknown':
      return new ServiceError(
        404,
        'NotFound',
        `${err.message} GET /__admin/scenarios describes each.`,
        err.validNames.map((name) => ({ errorCode: 'ValidName', fieldName: 'name', message: name })),
      );
    case 'bad-request':
      return new ServiceError(400, 'ArgumentException', err.message, [{ errorCode: 'ArgumentException', fieldName: 'count', message: err.message }]);
    case 'conflict':
      return new ServiceError(409, 'Conflict', err.message);
  }
}
