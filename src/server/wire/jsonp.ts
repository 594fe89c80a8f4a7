import type { QueryMap } from '../binding/query-string.js';

/**
 * The JSONP callback of `?callback=`, made a safe variable reference as ServiceStack's
 * GetJsonpCallback does (SafeVarRef: every character but letters, digits, '.' and '_' becomes '_'),
 * so a callback can never inject script. Undefined when absent or empty.
 */
export function jsonpCallback(query: QueryMap): string | undefined {
  const raw = query.first('callback');
  return raw ? raw.replace(/[^A-Za-z0-9._]/g, '_') : undefined;
}
