import { Router, type Request, type Response } from 'express';
import type { ApiModel } from '../../spec/api-model.js';
import type { WireObject } from '../../spec/wire-type.js';
import { AUTH_STATUS, authenticateResponseType } from '../auth/auth-dtos.js';
import type { BehaviourInput, Effect } from '../behaviours/behaviour.js';
import { readBehaviour } from '../behaviours/behaviour.js';
import type { BehaviourRegistry } from '../behaviours/behaviour-registry.js';
import { fieldError } from '../behaviours/request-match.js';
import { notFound, ServiceError, type FieldError } from '../errors/service-error.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { readAdminJson, sendJson } from './admin-json.js';
import { sessionInfoCheck, type SessionInfoCheck } from './session-info-check.js';

export interface BehaviourRouteDeps {
  readonly api: ApiModel;
  readonly codecs: CodecRegistry;
  readonly registry: BehaviourRegistry;
  readonly bodyLimit: number;
  /** Whether this mock has a file to keep "persist": true behaviours in (a mock started on a store does). */
  readonly canPersist: boolean;
}

/**
 * /__admin/behaviours: POST adds one (201 with its id), GET lists them in the order they are tried,
 * GET/DELETE /{id} reads or removes one, DELETE removes all.
 */
export function behaviourRoutes(deps: BehaviourRouteDeps): Router {
  const router = Router();
  const check = bodyCheck(deps);
  router.get('/__admin/behaviours', (_req, res) => sendJson(res, 200, { behaviours: deps.registry.list() }));
  router.post('/__admin/behaviours', async (req: Request, res: Response) => {
    const input = readBehaviour(await readAdminJson(req, deps.bodyLimit));
    if (input.persist && !deps.canPersist) {
      throw invalidBehaviour('persist', 'This mock keeps no behaviours file (it was started without a store file), so nothing can persist; leave "persist" out.');
    }
    const added = deps.registry.add(input, check);
    res.setHeader('Location', `/__admin/behaviours/${added.id}`);
    sendJson(res, 201, added);
  });
  router.delete('/__admin/behaviours', (_req, res) => sendJson(res, 200, { removed: deps.registry.clear() }));
  router.get('/__admin/behaviours/:id', (req, res) => {
    const found = deps.registry.get(String(req.params['id']));
    if (!found) throw missing(String(req.params['id']));
    sendJson(res, 200, found);
  });
  router.delete('/__admin/behaviours/:id', (req, res) => {
    const id = String(req.params['id']);
    if (!deps.registry.remove(id)) throw missing(id);
    sendJson(res, 200, { removed: 1, id });
  });
  return router;
}

function missing(id: string): ServiceError {
  return notFound(`No behaviour '${id}' is set (a behaviour with 'times' is removed once used up); GET /__admin/behaviours lists them.`);
}

/**
 * What makes a behaviour unable to work, found when it is added rather than when a request meets it:
 * an operation the mock does not have, a body that is not the operation's response type (checked
 * against the spec, and written in every format once) unless `validate` is false.
 */
function bodyCheck(deps: BehaviourRouteDeps): (input: BehaviourInput, effect: Effect) => void {
  const checks = new Map<string, SessionInfoCheck>();
  const known = new Map<string, WireObject>([
    ...deps.api.operations.map((op) => [op.operationId.toLowerCase(), op.responseType] as const),
    ['authenticate', authenticateResponseType(deps.api.errorResponse)],
    ['authstatus', AUTH_STATUS],
  ]);
  const names = [...deps.api.operations.map((op) => op.operationId), 'Authenticate', 'AuthStatus'];
  return (input, effect) => {
    const operation = input.match?.operation;
    const responseType = operation === undefined ? undefined : known.get(operation.toLowerCase());
    if (operation !== undefined && !responseType) {
      throw invalidBehaviour('match.operation', `The mock has no operation '${operation}'; use one of ${names.join(', ')}.`);
    }
    if (!effect.body || !('value' in effect.body) || !effect.validate) return;
    const errorBody = (effect.status ?? 200) >= 400;
    const type = errorBody ? deps.api.errorResponse : responseType;
    if (!type) {
      throw invalidBehaviour('respond.body', "A body is checked against the operation's response type: give match.operation, or \"validate\": false to send it unchecked.");
    }
    const value = effect.body.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidBehaviour('respond.body', `The body must be a ${type.name} object (or a string, sent as is).`);
    }
    const inSpec = deps.api.document.components?.schemas?.[type.name] !== undefined;
    if (inSpec) {
      let check = checks.get(type.name);
      if (!check) checks.set(type.name, (check = sessionInfoCheck(deps.api.document, type)));
      const problems = check(value as Record<string, unknown>);
      const [first, ...rest] = problems;
      if (first) throw new ServiceError(400, first.errorCode, `The body is not a valid ${type.name}: ${first.message} (\"validate\": false sends it anyway).`, prefixed([first, ...rest]));
    }
    for (const codec of deps.codecs.all) {
      try {
        codec?.stringify(value, type);
      } catch (err) {
        throw invalidBehaviour('respond.body', `The body cannot be written as ${codec!.format.toUpperCase()} ${type.name}: ${err instanceof Error ? err.message : String(err)}.`);
      }
    }
  };
}

function prefixed(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, fieldName: `respond.body.${e.fieldName}` }));
}

function invalidBehaviour(fieldName: string, message: string): ServiceError {
  return new ServiceError(400, 'ArgumentException', message, [fieldError(fieldName, message)]);
}
