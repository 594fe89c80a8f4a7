import type { QueryValue } from './contract-request.js';

type Query = Readonly<Record<string, QueryValue>>;

/** Reads a sent query value back, case-insensitively, as ServiceStack binds names. */
function raw(q: Query, name: string | undefined): QueryValue | undefined {
  if (name === undefined) return undefined;
  const key = Object.keys(q).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : q[key];
}

export function queryNumber(q: Query, name: string | undefined): number | undefined {
  const v = raw(q, name);
  if (v === undefined || Array.isArray(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function queryBool(q: Query, name: string | undefined): boolean {
  const v = raw(q, name);
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export function queryString(q: Query, name: string | undefined): string | undefined {
  const v = raw(q, name);
  return v === undefined || Array.isArray(v) ? undefined : String(v);
}

export function queryList(q: Query, name: string | undefined): string[] | undefined {
  const v = raw(q, name);
  if (v === undefined) return undefined;
  return Array.isArray(v) ? [...(v as readonly string[])] : String(v).split(',');
}
