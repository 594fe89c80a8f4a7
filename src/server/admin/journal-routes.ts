import { Router, type Request, type Response } from 'express';
import { parseInstant } from '../../time/time-text.js';
import { QueryMap } from '../binding/query-string.js';
import { compileMatch, isObject, readMatch, type RequestMatch, type RequestPredicate } from '../behaviours/request-match.js';
import { notFound, ServiceError } from '../errors/service-error.js';
import { toEntry, type JournalQuery, type JournalRecord, type RequestJournal } from '../journal/request-journal.js';
import { readAdminJson, sendJson } from './admin-json.js';

export interface JournalRouteDeps {
  readonly journal: RequestJournal;
  readonly bodyLimit: number;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const FILTERS = ['operation', 'method', 'path', 'user', 'status', 'since', 'format'];
const PAGING = ['limit', 'offset'];
/** An idle stream still sends a comment this often, so proxies and clients do not time it out. */
const HEARTBEAT_MS = 15_000;

/**
 * The request journal: GET /__admin/requests (filters, paging, newest first), GET .../unmatched (what
 * reached no operation), GET .../{id}, DELETE, POST .../count (WireMock's verify: a match as behaviours
 * take it), and GET .../stream (Server-Sent Events, one `request` event per request).
 */
export function journalRoutes(deps: JournalRouteDeps): Router {
  const { journal } = deps;
  const router = Router();
  router.get('/__admin/requests', (req, res) => sendJson(res, 200, list(journal, req, false)));
  router.get('/__admin/requests/unmatched', (req, res) => sendJson(res, 200, list(journal, req, true)));
  router.get('/__admin/requests/stream', (req, res) => stream(journal, req, res));
  router.delete('/__admin/requests', (_req, res) => sendJson(res, 200, { cleared: journal.clear() }));
  router.post('/__admin/requests/count', async (req, res) => {
    const body = await readAdminJson(req, deps.bodyLimit);
    // Either the match itself ({"operation":"ListSessions"}) or wrapped as a behaviour has it ({"match":{...}}).
    const raw = isObject(body) && Object.keys(body).length === 1 && 'match' in body ? body['match'] : body;
    const match = readMatch(raw, 'match');
    sendJson(res, 200, { count: journal.countMatching(compileMatch(match)) });
  });
  router.get('/__admin/requests/:id', (req, res) => {
    const id = Number(req.params['id']);
    const entry = Number.isInteger(id) ? journal.get(id) : undefined;
    if (!entry) throw notFound(`No request ${String(req.params['id'])} is in the journal (it keeps the last ${journal.size}).`);
    sendJson(res, 200, entry);
  });
  return router;
}

function list(journal: RequestJournal, req: Request, unmatched: boolean) {
  const query = QueryMap.fromUrl(req.originalUrl);
  const q = readQuery(query, unmatched, true);
  return { ...journal.query(q), limit: q.limit, offset: q.offset };
}

/** Filters as query parameters: operation, method, path (a pattern), user, format, status (503, 5xx, 429,503), since (ISO time). */
function readQuery(query: QueryMap, unmatched: boolean, paging: boolean): JournalQuery {
  const allowed = paging ? [...FILTERS, ...PAGING] : [...FILTERS, 'replay'];
  for (const [name] of query) {
    if (!allowed.includes(name.toLowerCase())) throw badParam(name, `'${name}' is not a journal filter; use ${allowed.join(', ')}.`);
  }
  const matchInput: Record<string, unknown> = {};
  for (const name of ['operation', 'method', 'path', 'user', 'format']) {
    const v = query.first(name);
    if (v !== undefined && v !== '') matchInput[name] = v;
  }
  const match: RequestMatch = readMatch(matchInput, 'query');
  const base = Object.keys(match).length > 0 ? compileMatch(match) : undefined;
  const matches: RequestPredicate | undefined = unmatched ? (f) => f.operation === undefined && (base ? base(f) : true) : base;
  const status = statusFilter(query.first('status'));
  const sinceText = query.first('since');
  const since = sinceText === undefined ? undefined : parseInstant(sinceText);
  if (sinceText !== undefined && since === undefined) throw badParam('since', `'${sinceText}' is not a time; give an ISO 8601 time such as 2026-12-04T22:00:00Z.`);
  return {
    ...(matches ? { matches } : {}),
    ...(status ? { status } : {}),
    ...(since !== undefined ? { since } : {}),
    offset: intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: intParam(query, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT),
  };
}

function statusFilter(text: string | undefined): ((status: number) => boolean) | undefined {
  if (text === undefined || text === '') return undefined;
  const tests = text.split(',').map((part) => {
    const p = part.trim().toLowerCase();
    if (/^\d{3}$/.test(p)) return (s: number) => s === Number(p);
    if (/^\dxx$/.test(p)) return (s: number) => Math.floor(s / 100) === Number(p[0]);
    if (p === '0') return (s: number) => s === 0;
    throw badParam('status', `'${part}' is not a status filter; give 503, 5xx, or a list such as 429,503.`);
  });
  return (s) => tests.some((t) => t(s));
}

function intParam(query: QueryMap, name: string, fallback: number, min: number, max: number): number {
  const raw = query.first(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw badParam(name, `'${raw}' is not a valid ${name}; give a whole number from ${min} to ${max}.`);
  return n;
}

function badParam(name: string, message: string): ServiceError {
  return new ServiceError(400, 'ArgumentException', message, [{ errorCode: 'ArgumentException', fieldName: name, message }]);
}

/**
 * Server-Sent Events: each request as `event: request`, `id: <journal id>`, `data: <entry JSON>`. The
 * journal's filters apply. A reconnecting EventSource sends Last-Event-ID and gets what it missed
 * (while still in the ring); `?replay=N` starts with the last N.
 */
function stream(journal: RequestJournal, req: Request, res: Response): void {
  const query = QueryMap.fromUrl(req.originalUrl);
  const q = readQuery(query, false, false);
  const replay = intParam(query, 'replay', 0, 0, MAX_LIMIT);
  const lastIdHeader = req.headers['last-event-id'];
  const lastId = typeof lastIdHeader === 'string' && /^\d+$/.test(lastIdHeader) ? Number(lastIdHeader) : undefined;
  const wanted = (r: JournalRecord) => (!q.status || q.status(r.status)) && (!q.matches || q.matches(r)) && (q.since === undefined || r.time >= q.since);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`: evo-mock request journal\nretry: 2000\n\n`);
  const send = (r: JournalRecord) => {
    if (wanted(r)) res.write(`event: request\nid: ${r.id}\ndata: ${JSON.stringify(toEntry(r))}\n\n`);
  };
  const backlog: JournalRecord[] = [];
  for (const r of journal.records()) {
    if (lastId !== undefined ? r.id <= lastId : backlog.length >= replay) break;
    backlog.push(r);
  }
  for (const r of backlog.reverse()) send(r);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const unsubscribe = journal.subscribe(send, () => res.end());
  res.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
