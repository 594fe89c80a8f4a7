import type { Request, Response } from 'express';
import type { SessionInfo } from '../../generated/dtos.js';
import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore, StoredSession } from '../../store/session-store.js';
import { StoreInputError } from '../../store/store-errors.js';
import { answerErrors, ServiceError, type FieldError } from '../errors/service-error.js';
import { newGuidN } from '../operations/new-session.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { sendJson, sendText, type WriteLanes } from './admin-json.js';
import { field, isRecord, readJsonObject, SessionBodies } from './session-body.js';

export interface SessionRouteDeps {
  readonly bodies: SessionBodies;
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly codecs: CodecRegistry;
  readonly bodyLimit: number;
  readonly lanes: WriteLanes;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Ids listed in a bulk answer; beyond, the answer gives the count and says it cut the list. */
const MAX_IDS_SHOWN = 100;

/**
 * The admin data API over the session repository, after WireMock's admin resources: every session
 * can be read, created, replaced, patched and deleted, in any account, without credentials.
 *
 * - POST   /__admin/sessions[?parentSessionId=ID]   create (201; 409 if the id is taken)
 * - GET    /__admin/sessions/{id}                   read (404 if none)
 * - PUT    /__admin/sessions/{id}[?parentSessionId] create or replace the whole session (201 / 200)
 * - PATCH  /__admin/sessions/{id}                   JSON merge patch (RFC 7396) of the stored session (200)
 * - DELETE /__admin/sessions/{id}                   remove (200; 404 if none)
 * - DELETE /__admin/sessions?accountId=A[,B]        remove every session of the accounts (200)
 *
 * Bodies are SessionInfo in JSON, members in any case, checked against the spec as a whole: every
 * bad member is listed at once in ResponseStatus.errors. A session answered is written by the JSON
 * codec exactly as GET /sessions/{id} writes it (ServiceStack's member order, no nulls). Writes
 * resolve once durable.
 */
export function sessionRoutes(deps: SessionRouteDeps): {
  insert: Handler;
  read: Handler;
  replace: Handler;
  patch: Handler;
  remove: Handler;
  removeMany: Handler;
} {
  const answer = (res: Response, status: number, session: SessionInfo, parentSessionId?: string) => {
    res.setHeader('Location', `/sessions/${encodeURIComponent(session.id as string)}`);
    if (parentSessionId !== undefined) res.setHeader('X-Parent-Session-Id', parentSessionId);
    sendText(res, status, deps.codecs.json.contentType, deps.codecs.json.stringify(session, deps.bodies.type));
  };

  return {
    async insert(req, res) {
      const body = await readJsonObject(req, deps.bodyLimit, 'a SessionInfo, e.g. {"accountId":"...","callState":"Hold"}');
      const parentSessionId = queryValue(req, 'parentSessionId');
      const session = deps.bodies.validSession(body, { id: newGuidN, dateCreated: () => deps.store.now().toISOString() }, parentErrors(deps, parentSessionId, body));
      const entry: StoredSession = { session, ...(parentSessionId !== undefined ? { parentSessionId } : {}) };
      const id = session.id as string;
      const stored = await deps.lanes.forId(id, async () => {
        if (deps.store.sessions.get(id)) {
          throw new ServiceError(409, 'Conflict', `A session with id '${id}' already exists; leave id out to get a new one, choose another, or PUT /__admin/sessions/${id} to replace it.`, [
            field('Id', 'Conflict', `'${id}' is taken.`),
          ]);
        }
        return storeInput(() => deps.store.create(entry));
      });
      answer(res, 201, stored, parentSessionId);
    },

    async read(req, res) {
      const entry = found(deps, req);
      answer(res, 200, entry.session, entry.parentSessionId);
    },

    async replace(req, res) {
      const id = pathId(req);
      const body = await readJsonObject(req, deps.bodyLimit, 'a SessionInfo, e.g. {"accountId":"...","callState":"Hold"}');
      const { status, entry } = await deps.lanes.forId(id, async () => {
        const current = deps.store.sessions.get(id);
        const parentSessionId = queryValue(req, 'parentSessionId') ?? current?.parentSessionId;
        const session = deps.bodies.validSession(
          body,
          // A replacement keeps the session's place in time unless it says otherwise.
          { id: () => id, dateCreated: () => current?.session.dateCreated ?? deps.store.now().toISOString() },
          [...idErrors(body, id), ...parentErrors(deps, parentSessionId, body, id)],
        );
        const entry: StoredSession = { session, ...(parentSessionId !== undefined ? { parentSessionId } : {}) };
        const put = await storeInput(() => deps.store.sessions.put(entry));
        return { status: put.previous ? 200 : 201, entry };
      });
      answer(res, status, entry.session, entry.parentSessionId);
    },

    async patch(req, res) {
      const id = pathId(req);
      const patch = await readJsonObject(req, deps.bodyLimit, 'a JSON merge patch of a SessionInfo (application/merge-patch+json or application/json)');
      const entry = await deps.lanes.forId(id, async () => {
        const current = found(deps, req);
        const merged = mergePatch(current.session as unknown as Record<string, unknown>, patch);
        const session = deps.bodies.validSession(merged, { id: () => id, dateCreated: () => current.session.dateCreated as string }, idErrors(merged, id));
        const entry: StoredSession = { session, ...(current.parentSessionId !== undefined ? { parentSessionId: current.parentSessionId } : {}) };
        await storeInput(() => deps.store.sessions.put(entry));
        return entry;
      });
      answer(res, 200, entry.session, entry.parentSessionId);
    },

    async remove(req, res) {
      const id = pathId(req);
      const removed = await deps.lanes.forId(id, () => deps.store.sessions.delete(id));
      if (!removed) throw notFound(id);
      sendJson(res, 200, { deleted: 1, ids: [id], message: `Deleted session '${id}'.` });
    },

    async removeMany(req, res) {
      const accounts = (queryValue(req, 'accountId') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
      if (accounts.length === 0) {
        throw new ServiceError(400, 'ArgumentException', 'Name the accounts whose sessions to delete: DELETE /__admin/sessions?accountId=ID[,ID]. To go back to the seeded data, POST /__admin/reset.', [
          field('AccountId', 'NotNull', "'AccountId' is required."),
        ]);
      }
      const unknown = accounts.filter((a) => !deps.fixtures.accounts.some((f) => f.id === a));
      if (unknown.length > 0) {
        const known = deps.fixtures.accounts.map((a) => `${a.id} (${a.name})`).join(', ');
        throw new ServiceError(400, 'ArgumentException', `No account ${unknown.map((a) => `'${a}'`).join(', ')} exists; use one of ${known}.`, unknown.map((a) => field('AccountId', 'ArgumentException', `No account '${a}' exists.`)));
      }
      const ids = await deps.lanes.whole(async () => {
        const wanted = new Set(accounts);
        const ids = deps.store.sessions.all().filter((e) => wanted.has(e.session.accountId as string)).map((e) => e.session.id as string);
        await Promise.all(ids.map((id) => deps.store.sessions.delete(id)));
        return ids;
      });
      sendJson(res, 200, {
        deleted: ids.length,
        ids: ids.slice(0, MAX_IDS_SHOWN),
        ...(ids.length > MAX_IDS_SHOWN ? { idsTruncated: true } : {}),
        message: `Deleted ${ids.length} session${ids.length === 1 ? '' : 's'} of ${accounts.join(', ')}.`,
      });
    },
  };
}

/**
 * RFC 7396: objects merge member by member, null removes, anything else (arrays included) replaces.
 * A patch member matches a stored member in any case (CallState patches callState), as ServiceStack
 * binds JSON; the stored spelling is kept.
 */
function mergePatch(target: unknown, patch: unknown): Record<string, unknown> {
  return merge(target, patch) as Record<string, unknown>;
}

function merge(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    const existing = Object.keys(out).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    if (value === null) delete out[existing];
    else out[existing] = merge(out[existing], value);
  }
  return out;
}

function pathId(req: Request): string {
  return String(req.params['id'] ?? '');
}

function queryValue(req: Request, name: string): string | undefined {
  return new URL(req.originalUrl, 'http://admin.invalid').searchParams.get(name) ?? undefined;
}

function found(deps: SessionRouteDeps, req: Request): StoredSession {
  const id = pathId(req);
  const entry = deps.store.sessions.get(id);
  if (!entry) throw notFound(id);
  return entry;
}

function notFound(id: string): ServiceError {
  return new ServiceError(404, 'NotFound', `No session '${id}' exists (in any account). PUT /__admin/sessions/${id} creates it.`);
}

function idErrors(body: Record<string, unknown>, id: string): FieldError[] {
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'id');
  const given = key === undefined ? undefined : body[key];
  if (given === undefined || given === null || given === id) return [];
  return [field('Id', 'ArgumentException', `The body's id '${String(given)}' differs from the path's '${id}'; a session's id cannot change (DELETE it and PUT the new one).`)];
}

function parentErrors(deps: SessionRouteDeps, parentSessionId: string | undefined, body: Record<string, unknown>, id?: string): FieldError[] {
  if (parentSessionId === undefined) return [];
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'accountid');
  const accountId = key === undefined ? undefined : body[key];
  const parent = deps.store.sessions.get(parentSessionId);
  if (parent && parent.session.accountId === accountId && parentSessionId !== id) return [];
  return [
    field(
      'ParentSessionId',
      'ArgumentException',
      parentSessionId === id
        ? 'A session cannot be its own parent.'
        : `No session '${parentSessionId}' exists in account '${String(accountId)}'; a child session needs a parent in its own account.`,
    ),
  ];
}

/** A write the store refuses for what it holds (not what the schema says) is the caller's 400. */
function storeInput<T>(write: () => Promise<T>): Promise<T> {
  return answerErrors(StoreInputError, (err) => new ServiceError(400, 'ArgumentException', err.message), write);
}
