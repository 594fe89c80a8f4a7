import { Router, type RequestHandler } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import { ServiceError } from '../errors/service-error.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { setHandlerFormat } from '../wire/route-formats.js';

const ACTIONS = new Set(['reply', 'oneway']);

/**
 * ServiceStack's predefined routes (PredefinedRoutesFeature): `/api/{Request}` (JSON; `/api/EXTENSION.xml` and
 * the like choose the format) and `/{format}/{reply|oneway}/{Request}` for every registered codec, segments and names in any
 * case. Any verb reaches the operation, which then answers only its own (405 otherwise). With no
 * message queue, oneway runs synchronously and answers like reply, as ServiceStack does. A request name
 * no service has is ServiceStack's 405 NotImplementedException.
 *
 * `services` maps request DTO names (the spec's operationIds, plus ServiceStack's own such as
 * Authenticate) to the endpoint that runs them; each endpoint negotiates, binds and answers by the
 * handler format set here.
 */
export function predefinedRoutes(services: ReadonlyMap<string, RequestHandler>, codecs: CodecRegistry): Router {
  const byName = new Map([...services].map(([name, endpoint]) => [name.toLowerCase(), endpoint]));
  const dispatch = (format: WireFormat): RequestHandler => (req, res, next) => {
    setHandlerFormat(res, format);
    const endpoint = byName.get(String(req.params['request']).toLowerCase());
    if (!endpoint) throw new ServiceError(405, 'NotImplementedException', 'The operation does not exist for this service');
    return endpoint(req, res, next);
  };
  const router = Router({ caseSensitive: false, strict: false });
  router.all('/api/:request', dispatch('json'));
  router.all('/:format/:action/:request', (req, res, next) => {
    const codec = codecs.named(String(req.params['format']));
    if (!codec || !ACTIONS.has(String(req.params['action']).toLowerCase())) {
      next();
      return;
    }
    return dispatch(codec.format)(req, res, next);
  });
  return router;
}
