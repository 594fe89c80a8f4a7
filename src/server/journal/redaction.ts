import type { IncomingHttpHeaders } from 'node:http';

const REDACTED = '[redacted]';
/** Headers that carry a credential or a session id: a journal is shown in consoles and CI logs. */
const SECRET_HEADERS = new Set(['x-ss-id', 'x-ss-pid', 'x-api-key', 'proxy-authorization']);

/** Header values as strings; credentials kept only by their scheme (`Basic [redacted]`), cookie values hidden by name. */
export function redactHeaders(headers: IncomingHttpHeaders | Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    const lower = name.toLowerCase();
    if (lower === 'authorization') out[name] = value.map((v) => `${v.split(' ')[0]} ${REDACTED}`).join(', ');
    else if (lower === 'cookie') out[name] = value.map(redactCookieList).join('; ');
    else if (lower === 'set-cookie') out[name] = value.map(redactSetCookie).join(', ');
    else if (SECRET_HEADERS.has(lower)) out[name] = REDACTED;
    else out[name] = value.join(', ');
  }
  return out;
}

/** Passwords in a sign-in body, whichever format it came in (JSON, form, JSV, XML). */
export function redactBody(body: string): string {
  if (!/password/i.test(body)) return body;
  return body
    .replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`)
    .replace(/((?:^|&)password=)[^&]*/gi, `$1${REDACTED}`)
    .replace(/(<password>)[^<]*(<\/password>)/gi, `$1${REDACTED}$2`)
    .replace(/([{,]\s*password\s*:)(?:"(?:[^"]|"")*"|[^,}]*)/gi, `$1${REDACTED}`);
}

function redactCookieList(header: string): string {
  return header
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part.trim() : `${part.slice(0, eq).trim()}=${REDACTED}`;
    })
    .join('; ');
}

function redactSetCookie(cookie: string): string {
  const eq = cookie.indexOf('=');
  const semi = cookie.indexOf(';');
  if (eq < 0) return cookie;
  return `${cookie.slice(0, eq)}=${REDACTED}${semi < 0 ? '' : cookie.slice(semi)}`;
}
