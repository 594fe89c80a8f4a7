import type { ResponseFormat } from '../wire/negotiate.js';
import type { RouteFormats } from '../wire/route-formats.js';

/**
 * What the mock learns about one request on its way through, as typed fields of res.locals (Express's
 * per-request object, typed by augmenting Express.Locals, as Hono types c.set/c.get) rather than string
 * keys read back with casts.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the shape Express's own types extend
  namespace Express {
    interface Locals {
      /** Formats fixed by the path: a suffix, a predefined route's own. */
      routeFormats?: RouteFormats;
      /** The format the answer is written in, so that an error raised later is written in it too. */
      responseFormat?: ResponseFormat;
    }
  }
}

export {};
