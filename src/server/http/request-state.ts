import type { AnswerShape } from '../behaviours/answer-shape.js';
import type { ResponseFormat } from '../wire/negotiate.js';
import type { RouteFormats } from '../wire/route-formats.js';
import type { WireFormat } from '../../wire/codec.js';

/**
 * Everything the mock learns about one request on its way through, as typed fields of res.locals
 * (Express's per-request object, typed by augmenting Express.Locals, as Hono types c.set/c.get) rather
 * than string keys read back with casts. Fields, not one object per request: most requests set few.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the shape Express's own types extend
  namespace Express {
    interface Locals {
      /** Formats fixed by the path: a suffix, a predefined route's own (wire/route-formats.ts). */
      routeFormats?: RouteFormats;
      /** The format the answer is written in, so that an error raised later is written in it too. */
      responseFormat?: ResponseFormat;
      /** How the answer is to be written instead of plainly, set by a behaviour (behaviours/answer-shape.ts). */
      answerShape?: AnswerShape;
      /** For the journal (behaviours/request-trace.ts): the operation the request reached. */
      traceOperation?: string;
      /** For the journal: the signed-in user's name. */
      traceUser?: string;
      /** For the journal: the format the operation answered in. */
      traceFormat?: WireFormat;
      /** For the journal: the id of the behaviour that shaped the answer ('prefer' for a Prefer header). */
      traceBehaviour?: string;
      /** For the journal: the fault a behaviour injected (reset, empty, malformed, dribble). */
      traceFault?: string;
      /** For the journal: the serialized answer, as sent. */
      traceBody?: string;
    }
  }
}

export {};
