import type { Response } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import type {} from '../http/request-state.js';

/** Formats fixed by the path rather than asked for by the request; negotiate() ranks them. */
export interface RouteFormats {
  /** A `.json` / `.xml` / `.jsv` suffix, stripped from the path before routing: outranks everything. */
  readonly suffix?: WireFormat;
  /**
   * A predefined route's own format (the handler's content type in ServiceStack): JSON for /api/X,
   * XML for /xml/reply/X. `?callback=` and `?format=` outrank it; Accept is ignored. It is also the
   * format such a route reads its request body in.
   */
  readonly handler?: WireFormat;
}

export function routeFormats(res: Response): RouteFormats {
  return res.locals.routeFormats ?? {};
}

export function setSuffixFormat(res: Response, format: WireFormat): void {
  res.locals.routeFormats = { ...routeFormats(res), suffix: format };
}

/**
 * Marks the request as reached through a predefined route of this format. A suffix on such a route
 * (`/api/EXTENSION.xml`) is the handler's format there, not an override (ServiceStack's ApiHandlers), so it
 * takes the suffix's place.
 */
export function setHandlerFormat(res: Response, own: WireFormat): void {
  const { suffix } = routeFormats(res);
  res.locals.routeFormats = { handler: suffix ?? own };
}
