import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { ServiceError } from '../errors/service-error.js';

/**
 * The host names a request may be addressed to, besides loopback names and IP addresses:
 * exact names, `.example.com` for a domain and its subdomains, or `*` for any name.
 */
export type AllowedHosts = readonly string[];

/** Names that always mean this machine: a page elsewhere cannot make a browser send them (RFC 6761). */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The host name of a Host header (`name`, `name:port`, `[v6]:port`), lowercased, without a trailing dot. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']')) : h.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * The names the mock answers to when bound to `bindHost`, plus `extra` (--allowed-hosts): a mock
 * bound to a name (`--host mybox.lan`) answers to that name.
 */
export function allowedHostsFor(bindHost: string, extra: readonly string[] = []): AllowedHosts {
  const bound = hostName(bindHost);
  // Each --allowed-hosts value may itself be a comma-separated list.
  const names = extra.flatMap((e) => e.split(',')).map((e) => e.trim()).filter((e) => e !== '');
  return [...(bound !== '' && isIP(bound) === 0 ? [bound] : []), ...names.map((e) => (e.startsWith('.') ? `.${hostName(e.slice(1))}` : e === '*' ? e : hostName(e)))];
}

export function hostAllowed(header: string | undefined, allowed: AllowedHosts): boolean {
  // HTTP/1.0 may omit Host (Node refuses an HTTP/1.1 request without one); no browser does.
  if (header === undefined) return true;
  const name = hostName(header);
  if (name === '' || isLoopbackName(name) || isIP(name) !== 0) return true;
  return allowed.some((a) => a === '*' || a === name || (a.startsWith('.') && (name === a.slice(1) || name.endsWith(a))));
}

/**
 * Refuses requests addressed to a host name the mock was not started for. A page on any site can
 * point its own name at 127.0.0.1 (DNS rebinding) and then read the mock as same-origin, fixture
 * passwords included; its requests still carry that name in Host. IP addresses are always accepted:
 * a page can only be same-origin with one by being served from it.
 */
export function hostCheck(allowed: AllowedHosts): RequestHandler {
  return (req, _res, next) => {
    if (hostAllowed(req.headers.host, allowed)) return next();
    const name = hostName(req.headers.host ?? '');
    next(
      new ServiceError(
        403,
        'Forbidden',
        `This mock does not answer to the host name '${name.slice(0, 100)}': it answers to localhost, IP addresses${allowed.length > 0 ? ` and ${allowed.join(', ')}` : ''}. ` +
          `This keeps pages on other sites from reaching it through DNS rebinding; if you reach it by this name (a proxy, a container name), start it with --allowed-hosts ${name.slice(0, 100)}.`,
      ),
    );
  };
}
