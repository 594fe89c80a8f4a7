import type { Request, Response } from 'express';
import type { SessionInfo } from '../../generated/dtos.js';
import type { ApiModel } from '../../spec/api-model.js';
import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore, StoredSession } from '../../store/session-store.js';
import { StoreInputError } from '../../store/store-errors.js';
import type { WireObject, WireType } from '../../wire/wire-type.js';
import { findProperty } from '../binding/string-map-binder.js';
import { ServiceError, unreadableBody, validationError, type FieldError } from '../errors/service-error.js';
import { newGuidN } from '../operations/new-session.js';
import type { CodecRegistry } from '../wire/codecs.js';
import { readRawBody } from '../wire/read-body.js';
import { sendText } from './admin-json.js';
import { sessionInfoCheck, type SessionInfoCheck } from './session-info-check.js';
import { isJsonMediaType } from '../wire/media-type.js';

export interface InsertSessionDeps {
  readonly api: ApiModel;
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly codecs: CodecRegistry;
  readonly bodyLimit: number;
  readonly serial: <T>(task: () => Promise<T>) => Promise<T>;
}

/** An ISO 8601 date-time with a zone (or a date alone, midnight UTC); stored as toISOString() writes it, which the store requires. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * POST /__admin/sessions[?parentSessionId=ID]: stores one SessionInfo exactly as given, for states
 * no scenario covers. Members are matched in any case; value-type members left out take their CLR
 * default (as ServiceStack reads a missing one); id defaults to a new Guid and dateCreated to the
 * store's clock. The whole session is checked against the spec's SessionInfo schema; accountId must
 * be a fixture account. 201 with the stored session, as GET /sessions/{id} will return it.
 */
export function insertSession(deps: InsertSessionDeps): (req: Request, res: Response) => Promise<void> {
  let check: SessionInfoCheck | undefined;
  return async (req, res) => {
    const type = deps.api.types.get('SessionInfo');
    if (!type) throw new ServiceError(404, 'NotFound', 'This spec has no SessionInfo type, so there is nothing to insert.');
    check ??= sessionInfoCheck(deps.api.document, type);
    const body = await readJsonObject(req, deps.bodyLimit);
    const session = normalize(body, type, deps);
    // Before the schema check: a date alone becomes the date-time the spec's format asks for, and a
    // dateCreated the store cannot order by is reported once, in the store's words.
    const dateError = normalizeDateCreated(session);
    const errors = [...check(session).filter((e) => !(dateError && e.fieldName === dateError.fieldName)), ...accountErrors(session, deps.fixtures)];
    if (dateError) errors.push(dateError);
    const parentSessionId = new URL(req.originalUrl, 'http://admin.invalid').searchParams.get('parentSessionId') ?? undefined;
    if (parentSessionId !== undefined) {
      const parent = deps.store.get(parentSessionId, 'all');
      if (!parent || parent.accountId !== session['accountId']) {
        errors.push(field('ParentSessionId', 'ArgumentException', `No session '${parentSessionId}' exists in account '${String(session['accountId'])}'; a child session needs a parent in its own account.`));
      }
    }
    const [first, ...rest] = errors;
    if (first) throw validationError([first, ...rest]);
    // The schema check above is what makes this a SessionInfo.
    const entry: StoredSession = { session: session as unknown as SessionInfo, ...(parentSessionId !== undefined ? { parentSessionId } : {}) };
    const stored = await deps.serial(async () => {
      const id = entry.session.id as string;
      if (deps.store.exists(id, 'all')) {
        throw new ServiceError(409, 'Conflict', `A session with id '${id}' already exists; leave id out to get a new one, or choose another.`, [
          field('Id', 'Conflict', `'${id}' is taken.`),
        ]);
      }
      try {
        return await deps.store.create(entry);
      } catch (err) {
        if (err instanceof StoreInputError) throw new ServiceError(400, 'ArgumentException', err.message);
        throw err;
      }
    });
    res.setHeader('Location', `/sessions/${encodeURIComponent(stored.id as string)}`);
    // The JSON codec writes it as GET /sessions/{id} does: ServiceStack's member order, no nulls.
    sendText(res, 201, deps.codecs.json.contentType, deps.codecs.json.stringify(stored, type));
  };
}

async function readJsonObject(req: Request, limit: number): Promise<Record<string, unknown>> {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    throw new ServiceError(415, 'UnsupportedMediaType', `Send the session as JSON (Content-Type: application/json), not ${contentType}.`);
  }
  const text = await readRawBody(req, limit);
  if (text === undefined) throw unreadableBody('Send a SessionInfo as the JSON body, e.g. {"accountId":"...","callState":"Hold"}.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw unreadableBody(`The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unreadableBody('The body must be one SessionInfo object, not an array or a single value.');
  return value as Record<string, unknown>;
}

/** Members under their wire names in SessionInfo's order, value types defaulted, id and dateCreated filled. Unknown members are refused. */
function normalize(body: Record<string, unknown>, type: WireObject, deps: InsertSessionDeps): Record<string, unknown> {
  const errors: FieldError[] = [];
  const session = normalizeObject(body, type, '', undefined, errors);
  const [first, ...rest] = errors;
  if (first) throw validationError([first, ...rest]);
  session['id'] ??= newGuidN();
  session['dateCreated'] ??= deps.store.now().toISOString();
  const account = deps.fixtures.accounts.find((a) => a.id === session['accountId']);
  if (account) session['accountName'] ??= account.name;
  return ordered(session, type);
}

/**
 * One object of `type`: members matched in any case (as ServiceStack reads JSON), nulls dropped,
 * every value-type member left out set to its CLR default (what ServiceStack's deserializer leaves
 * in it), nested objects and lists alike. Unknown and doubled members are reported against the
 * top-level member they sit in (`top`), as the API's field errors name top-level members.
 */
function normalizeObject(value: Record<string, unknown>, type: WireObject, path: string, top: string | undefined, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const prop = findProperty(type, key.toLowerCase());
    const at = `${path}/${key}`;
    const fieldName = top ?? prop?.clrName ?? key;
    if (!prop) errors.push(field(fieldName, 'InvalidMember', `'${at.slice(1)}' is not a ${type.name} member; see components.schemas.${type.name} in spec/openapi.json.`));
    else if (prop.name in out) errors.push(field(fieldName, 'InvalidMember', `'${at.slice(1)}' is given twice (member names are matched in any case).`));
    else if (v !== null && v !== undefined) out[prop.name] = normalizeValue(v, prop.type, at, fieldName, errors);
  }
  for (const p of type.properties) if (!(p.name in out) && p.valueType) out[p.name] = clrDefault(p.type);
  return ordered(out, type);
}

function normalizeValue(value: unknown, type: WireType, path: string, top: string, errors: FieldError[]): unknown {
  if (type.kind === 'object' && isRecord(value)) return normalizeObject(value, type.type, path, top, errors);
  if (type.kind === 'list' && Array.isArray(value)) return value.map((item, i) => normalizeValue(item, type.item, `${path}/${i}`, top, errors));
  return value;
}

/** In the type's member order: the file reads like the seed's, and the codecs write by that order anyway. */
function ordered(value: Record<string, unknown>, type: WireObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of type.properties) if (value[p.name] !== undefined) out[p.name] = value[p.name];
  return out;
}

/** What .NET holds in a value-type member nobody set: the first enum member (value 0), false, 0. */
function clrDefault(type: WireType): unknown {
  switch (type.kind) {
    case 'enum':
      return type.members[0];
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return 0;
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function accountErrors(session: Record<string, unknown>, fixtures: Fixtures): FieldError[] {
  const accountId = session['accountId'];
  const known = fixtures.accounts.map((a) => `${a.id} (${a.name})`).join(', ');
  if (accountId === undefined) return [field('AccountId', 'NotNull', `'AccountId' is required: the account the session belongs to, one of ${known}.`)];
  if (typeof accountId === 'string' && !fixtures.accounts.some((a) => a.id === accountId)) {
    return [field('AccountId', 'ArgumentException', `No account '${accountId}' exists; use one of ${known}.`)];
  }
  return [];
}

function normalizeDateCreated(session: Record<string, unknown>): FieldError | undefined {
  const text = session['dateCreated'];
  if (typeof text !== 'string') return undefined;
  const ms = ISO_DATE.test(text) ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) : Number.NaN;
  if (Number.isNaN(ms)) {
    return field('DateCreated', 'RegularExpression', `'${text}' is not a date-time the store can order by; use ISO 8601 with a zone, e.g. 2026-11-20T11:55:00.000Z.`);
  }
  session['dateCreated'] = new Date(ms).toISOString();
  return undefined;
}

function field(fieldName: string, errorCode: string, message: string): FieldError {
  return { errorCode, fieldName, message };
}
