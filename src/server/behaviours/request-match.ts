import type { IncomingHttpHeaders } from 'node:http';
import type { WireFormat } from '../../wire/codec.js';
import { QueryMap } from '../binding/query-string.js';
import { ServiceError, type FieldError } from '../errors/service-error.js';

/**
 * What a behaviour, a journal filter or `POST /__admin/requests/count` can ask of a request. A live
 * request and a journal entry both answer it, so one match means the same thing in all three places.
 */
export interface RequestFacts {
  readonly method: string;
  /** The path as sent, without the query string. */
  readonly path: string;
  /** The raw query string, without '?'. */
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  /** The operation the request reached (ListSessions, Authenticate, ...); undefined for one that reached none. */
  readonly operation: string | undefined;
  /** The signed-in user's name (email), undefined for an anonymous caller. */
  readonly user: string | undefined;
  readonly format: WireFormat | undefined;
}

/** A header or query value: a string is an exact match; the object forms are WireMock's. */
export type ValueMatch = string | { readonly equalTo?: string; readonly contains?: string; readonly matches?: string; readonly absent?: boolean };

/** The JSON a behaviour's `match` (and a count request) is written in; every member is optional and all must hold. */
export interface RequestMatch {
  /** The operation name, any case; predefined routes (/api/ListSessions, /xml/reply/ListSessions) reach the same one. */
  readonly operation?: string;
  readonly method?: string;
  /** A path pattern: `*` stands for any characters within one segment, `**` for any run of segments. Any case. */
  readonly path?: string;
  readonly query?: Readonly<Record<string, ValueMatch>>;
  readonly headers?: Readonly<Record<string, ValueMatch>>;
  /** The signed-in user's email (any case); `anonymous` matches a request with no signed-in user. */
  readonly user?: string;
  readonly format?: WireFormat;
}

export type RequestPredicate = (facts: RequestFacts) => boolean;

const MATCH_KEYS = ['operation', 'method', 'path', 'query', 'headers', 'user', 'format'] as const;
const FORMATS: readonly string[] = ['json', 'xml', 'jsv'];

/**
 * Reads a match from admin JSON, refusing what would silently never match (unknown members, a bad
 * regex, a format the mock does not speak) with a 400 naming the member. `at` prefixes field names.
 */
export function readMatch(value: unknown, at = 'match'): RequestMatch {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw invalid(at, `'${at}' must be an object such as {"operation":"ListSessions"}.`);
  const errors: FieldError[] = [];
  for (const key of Object.keys(value)) {
    if (!(MATCH_KEYS as readonly string[]).includes(key)) errors.push(fieldError(`${at}.${key}`, `'${key}' is not something a request is matched on; use ${MATCH_KEYS.join(', ')}.`));
  }
  for (const key of ['operation', 'method', 'path', 'user'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'string' || value[key] === '')) errors.push(fieldError(`${at}.${key}`, `'${key}' must be a non-empty string.`));
  }
  if (value['format'] !== undefined && !FORMATS.includes(String(value['format']).toLowerCase())) {
    errors.push(fieldError(`${at}.format`, `'format' must be one of ${FORMATS.join(', ')}.`));
  }
  for (const key of ['query', 'headers'] as const) {
    const map = value[key];
    if (map === undefined) continue;
    if (!isObject(map)) {
      errors.push(fieldError(`${at}.${key}`, `'${key}' must be an object of name -> value (a string, or {"equalTo"|"contains"|"matches"|"absent"}).`));
      continue;
    }
    for (const [name, m] of Object.entries(map)) {
      const problem = valueMatchProblem(m);
      if (problem) errors.push(fieldError(`${at}.${key}.${name}`, problem));
    }
  }
  const [first, ...rest] = errors;
  if (first) throw new ServiceError(400, 'ArgumentException', first.message, [first, ...rest]);
  const format = value['format'] === undefined ? undefined : (String(value['format']).toLowerCase() as WireFormat);
  return { ...(value as RequestMatch), ...(format ? { format } : {}) };
}

/** Compiles a match once (patterns and regexes), so a look-up only compares. */
export function compileMatch(match: RequestMatch): RequestPredicate {
  const tests: RequestPredicate[] = [];
  // Names are compared as given first: a match written as the spec spells it never lowercases per request.
  if (match.operation !== undefined) {
    const exact = match.operation;
    const op = exact.toLowerCase();
    tests.push((f) => f.operation !== undefined && (f.operation === exact || (f.operation.length === op.length && f.operation.toLowerCase() === op)));
  }
  if (match.method !== undefined) {
    const method = match.method.toUpperCase();
    tests.push((f) => f.method === method || (method === 'GET' && f.method === 'HEAD'));
  }
  if (match.path !== undefined) {
    const pattern = pathPattern(match.path);
    tests.push((f) => pattern.test(f.path));
  }
  if (match.format !== undefined) {
    const format = match.format;
    tests.push((f) => f.format === format);
  }
  if (match.user !== undefined) {
    const exact = match.user;
    const user = exact.toLowerCase();
    tests.push(user === 'anonymous' ? (f) => f.user === undefined : (f) => f.user !== undefined && (f.user === exact || (f.user.length === user.length && f.user.toLowerCase() === user)));
  }
  if (match.query) {
    const checks = Object.entries(match.query).map(([name, m]) => [name, valueTest(m)] as const);
    tests.push((f) => {
      const query = parsedQuery(f);
      return checks.every(([name, test]) => test(query.has(name) ? query.all(name).join(',') : undefined));
    });
  }
  if (match.headers) {
    const checks = Object.entries(match.headers).map(([name, m]) => [name.toLowerCase(), valueTest(m)] as const);
    tests.push((f) =>
      checks.every(([name, test]) => {
        const v = f.headers[name];
        return test(v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v);
      }),
    );
  }
  return (facts) => {
    for (const test of tests) if (!test(facts)) return false;
    return true;
  };
}

const EMPTY_QUERY = new QueryMap();
const parsedQueries = new WeakMap<RequestFacts, QueryMap>();

/** Parsed once per request however many behaviours ask. */
function parsedQuery(f: RequestFacts): QueryMap {
  if (f.query === '') return EMPTY_QUERY;
  let parsed = parsedQueries.get(f);
  if (!parsed) parsedQueries.set(f, (parsed = QueryMap.parse(f.query)));
  return parsed;
}

/** `/sessions/*` -> one segment; `/api/**` -> anything below; matched in any case, a trailing slash ignored. */
export function pathPattern(glob: string): RegExp {
  const trimmed = glob.length > 1 && glob.endsWith('/') ? glob.slice(0, -1) : glob;
  const source = trimmed
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

function valueTest(m: ValueMatch): (value: string | undefined) => boolean {
  if (typeof m === 'string') return (v) => v === m;
  if (m.absent === true) return (v) => v === undefined;
  if (m.absent === false) return (v) => v !== undefined;
  if (m.equalTo !== undefined) {
    const expected = m.equalTo;
    return (v) => v === expected;
  }
  if (m.contains !== undefined) {
    const part = m.contains;
    return (v) => v !== undefined && v.includes(part);
  }
  const re = new RegExp(m.matches ?? '');
  return (v) => v !== undefined && re.test(v);
}

function valueMatchProblem(m: unknown): string | undefined {
  if (typeof m === 'string') return undefined;
  if (!isObject(m)) return 'Give a string (exact value) or one of {"equalTo": s}, {"contains": s}, {"matches": regex}, {"absent": true|false}.';
  const keys = Object.keys(m);
  if (keys.length !== 1 || !['equalTo', 'contains', 'matches', 'absent'].includes(keys[0]!)) {
    return `Give exactly one of equalTo, contains, matches, absent; got ${keys.join(', ') || 'nothing'}.`;
  }
  const v = m[keys[0]!];
  if (keys[0] === 'absent') return typeof v === 'boolean' ? undefined : "'absent' takes true or false.";
  if (typeof v !== 'string') return `'${keys[0]}' takes a string.`;
  if (keys[0] === 'matches') {
    try {
      new RegExp(v);
    } catch (err) {
      return `'${v}' is not a valid regular expression: ${err instanceof Error ? err.message : String(err)}.`;
    }
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fieldError(fieldName: string, message: string): FieldError {
  return { errorCode: 'ArgumentException', fieldName, message };
}

export function invalid(fieldName: string, message: string): ServiceError {
  return new ServiceError(400, 'ArgumentException', message, [fieldError(fieldName, message)]);
}
