import type { Request } from 'express';
import type { SessionInfo } from '../../generated/dtos.js';
import type { ApiModel } from '../../spec/api-model.js';
import type { Fixtures } from '../../store/fixtures.js';
import type { WireObject, WireType } from '../../spec/wire-type.js';
import { readInstant } from '../../time/time-text.js';
import { findProperty } from '../binding/string-map-binder.js';
import { ServiceError, unreadableBody, validationError, type FieldError } from '../errors/service-error.js';
import { readAdminJson } from './admin-json.js';
import { sessionInfoCheck, type SessionInfoCheck } from './session-info-check.js';

/** What a SessionInfo body gets when it leaves them out: the admin route decides (a new Guid, the clock, the stored version's). */
export interface SessionDefaults {
  readonly id: () => string;
  readonly dateCreated: () => string;
}

/**
 * Reading and checking a whole SessionInfo sent to the admin API (POST, PUT, and PATCH after the
 * merge). Members are matched in any case (as ServiceStack reads JSON); value-type members left out
 * take their CLR default; the result is checked against the spec's SessionInfo schema, the fixture
 * accounts and the store's date form. Every problem is reported at once, in ResponseStatus.errors.
 */
export class SessionBodies {
  private check: SessionInfoCheck | undefined;

  constructor(
    private readonly api: ApiModel,
    private readonly fixtures: Fixtures,
  ) {}

  get type(): WireObject {
    const type = this.api.types.get('SessionInfo');
    if (!type) throw new ServiceError(404, 'NotFound', 'This spec has no SessionInfo type, so there are no sessions to write.');
    return type;
  }

  /** The session as the store will hold it, or a 400 listing every bad member. */
  validSession(body: Record<string, unknown>, defaults: SessionDefaults, extra: readonly FieldError[] = []): SessionInfo {
    const type = this.type;
    this.check ??= sessionInfoCheck(this.api.document, type);
    const errors: FieldError[] = [];
    const session = normalizeObject(body, type, '', undefined, errors);
    session['id'] ??= defaults.id();
    session['dateCreated'] ??= defaults.dateCreated();
    const account = this.fixtures.accounts.find((a) => a.id === session['accountId']);
    if (account) session['accountName'] ??= account.name;
    const checked = ordered(session, type);
    // Before the schema check: a date alone becomes the date-time the spec's format asks for, and a
    // dateCreated the store cannot order by is reported once, in the store's words.
    const dateError = normalizeDateCreated(checked);
    const reported = new Set([...errors.map((e) => e.fieldName), ...(dateError ? [dateError.fieldName] : [])]);
    errors.push(...this.check(checked).filter((e) => !reported.has(e.fieldName)), ...accountErrors(checked, this.fixtures));
    if (dateError) errors.push(dateError);
    errors.push(...extra);
    const [first, ...rest] = errors;
    if (first) throw validationError([first, ...rest]);
    // The schema check above is what makes this a SessionInfo.
    return checked as unknown as SessionInfo;
  }
}

/** The body as one JSON object (the admin guard has already refused media types other than JSON). */
export async function readJsonObject(req: Request, limit: number, what: string): Promise<Record<string, unknown>> {
  const value = await readAdminJson(req, limit);
  if (value === undefined) throw unreadableBody(`Send ${what} as the JSON body.`);
  if (!isRecord(value)) throw unreadableBody(`The body must be one JSON object (${what}), not an array or a single value.`);
  return value;
}

/**
 * One object of `type`: members matched in any case, nulls dropped, every value-type member left
 * out set to its CLR default (what ServiceStack's deserializer leaves in it), nested objects and
 * lists alike. Unknown and doubled members are reported against the top-level member they sit in
 * (`top`), as the API's field errors name top-level members, and left out of the result.
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

export function isRecord(value: unknown): value is Record<string, unknown> {
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
  const instant = readInstant(text);
  if (!(instant instanceof Date)) {
    return field('DateCreated', 'RegularExpression', `'${text}' ${instant.problem}: dateCreated orders the sessions, e.g. 2026-11-20T11:55:00.000Z.`);
  }
  // Stored as toISOString() writes it: the store orders sessions by comparing these strings.
  session['dateCreated'] = instant.toISOString();
  return undefined;
}

export function field(fieldName: string, errorCode: string, message: string): FieldError {
  return { errorCode, fieldName, message };
}
