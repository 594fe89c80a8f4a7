import type { Request, Response } from 'express';
import type { SessionStore } from '../../store/session-store.js';
import { StoreFileError, StoreInputError } from '../../store/store-errors.js';
import type { ReplaceResult } from '../../store/store-history.js';
import { answerErrors, ServiceError } from '../errors/service-error.js';
import { sendJson } from './admin-json.js';
import { readJsonObject } from './session-body.js';
import { field } from './session-body.js';

export interface StoreRouteDeps {
  readonly store: SessionStore;
  readonly bodyLimit: number;
  /** Runs a task on all the data once every admin write before it is done (see WriteLanes). */
  readonly serial: <T>(task: () => Promise<T>) => Promise<T>;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Whole states of the data, as WireMock's reset and json-server's snapshots give them:
 *
 * - POST   /__admin/reset                      back to the seeded sessions (seed, scenarios, --now)
 * - POST   /__admin/snapshots {"name":"x"}     save the sessions as they are now (201; replaces a snapshot of that name)
 * - GET    /__admin/snapshots                  list them
 * - POST   /__admin/snapshots/{name}/restore   bring the sessions back to it
 * - DELETE /__admin/snapshots/{name}           remove it
 *
 * Reset and restore write only the sessions that differ, through the same journal as every other
 * write, so they are durable when they answer and survive a restart. Snapshots are kept beside the
 * store (db.json.snapshots/), across restarts, until deleted; a reset leaves them alone.
 */
export function storeRoutes(deps: StoreRouteDeps): { reset: Handler; save: Handler; list: Handler; restore: Handler; remove: Handler } {
  return {
    async reset(_req, res) {
      const result = await deps.serial(() => fileErrors(() => deps.store.history.reset()));
      sendJson(res, 200, { ...result, message: `Reset to the seeded data: ${changes(result)}.` });
    },

    async save(req, res) {
      const body = await readJsonObject(req, deps.bodyLimit, 'the snapshot\'s name, {"name":"before-transfer"}');
      const name = Object.entries(body).find(([k]) => k.toLowerCase() === 'name')?.[1];
      const unknown = Object.keys(body).filter((k) => k.toLowerCase() !== 'name');
      const errors = [
        ...(typeof name === 'string' && name !== '' ? [] : [field('Name', 'NotNull', `'Name' is required: a string such as "before-transfer".`)]),
        ...unknown.map((k) => field(k, 'InvalidMember', `'${k}' is not a snapshot member; send only {"name":"..."}.`)),
      ];
      const [first, ...rest] = errors;
      if (first) throw new ServiceError(400, first.errorCode, first.message, [first, ...rest]);
      const info = await deps.serial(() => inputErrors(() => deps.store.history.save(name as string)));
      res.setHeader('Location', `/__admin/snapshots/${encodeURIComponent(info.name)}`);
      sendJson(res, 201, { ...info, message: `Saved ${info.sessions} sessions as '${info.name}'; POST /__admin/snapshots/${info.name}/restore brings them back.` });
    },

    async list(_req, res) {
      const snapshots = await fileErrors(() => deps.store.history.list());
      sendJson(res, 200, { snapshots });
    },

    async restore(req, res) {
      const name = String(req.params['name'] ?? '');
      const result = await deps.serial(() => inputErrors(() => fileErrors(() => deps.store.history.restore(name))));
      if (!result) throw missing(name);
      sendJson(res, 200, { name, ...result, message: `Restored '${name}': ${changes(result)}.` });
    },

    async remove(req, res) {
      const name = String(req.params['name'] ?? '');
      const removed = await deps.serial(() => inputErrors(() => deps.store.history.remove(name)));
      if (!removed) throw missing(name);
      sendJson(res, 200, { deleted: 1, name, message: `Deleted snapshot '${name}'.` });
    },
  };
}

function changes(r: ReplaceResult): string {
  return `${r.created} created, ${r.replaced} replaced, ${r.deleted} deleted, ${r.unchanged} unchanged; ${r.sessions} sessions now`;
}

function missing(name: string): ServiceError {
  return new ServiceError(404, 'NotFound', `No snapshot '${name}' exists. GET /__admin/snapshots lists them; POST /__admin/snapshots {"name":"${name}"} saves one.`);
}

/** A snapshot name the store refuses is the caller's 400, about the Name field. */
function inputErrors<T>(run: () => Promise<T>): Promise<T> {
  return answerErrors(StoreInputError, (err) => new ServiceError(400, 'ArgumentException', err.message, [field('Name', 'ArgumentException', err.message)]), run);
}

/** A saved file that cannot be used is the store's state, not a bug: 409 with the file named. */
function fileErrors<T>(run: () => Promise<T>): Promise<T> {
  return answerErrors(StoreFileError, (err) => new ServiceError(409, 'Conflict', err.message), run);
}
