import type { ErrorRequestHandler, Request, Response } from 'express';
import type { WireObject } from '../../spec/wire-type.js';
import { QueryMap } from '../binding/query-string.js';
import type { ServerLogger } from '../http/logger.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { negotiate, type ResponseFormat } from '../wire/negotiate.js';
import { routeFormats } from '../wire/route-formats.js';
import { sendDto } from '../wire/send.js';
import { StoreUnavailableError } from '../../store/store-errors.js';
import { ServiceError } from './service-error.js';
import { ClientClosedError } from '../wire/read-body.js';

export interface ErrorHandlerDeps {
  readonly codecs: CodecRegistry;
  readonly errorResponse: WireObject;
  readonly logger: ServerLogger;
  /** The real server's [Authenticate] answers 401 with an empty body; by default the mock sends a ResponseStatus. */
  readonly emptyUnauthorizedBody: boolean;
}

/** The format the request path negotiated, kept so an error answers in the same format. */
export function rememberFormat(res: Response, format: ResponseFormat): void {
  res.locals.responseFormat = format;
}

/**
 * The one place errors become responses: a ServiceError as ServiceStack's ErrorResponse
 * { responseStatus: { errorCode, message, errors } }, anything else as a logged 500 in the same
 * shape, with no stack trace for the client. Under JSONP an error is sent with status 200, its body
 * wrapped like any answer, as ServiceStack's WriteErrorToResponse does (a script tag cannot read a status).
 */
export function errorHandler(deps: ErrorHandlerDeps): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    // Nobody is left to answer; the request log says the connection closed.
    if (err instanceof ClientClosedError) {
      res.destroy();
      return;
    }
    const error = toServiceError(err, req, deps.logger);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    const format = res.locals.responseFormat ?? negotiate(req, QueryMap.fromUrl(req.originalUrl), deps.codecs, routeFormats(res));
    const jsonp = format.callback !== undefined;
    // ServiceStack's unauthorized handler writes a body after all when the request asked for JSONP.
    if (error.status === 401 && deps.emptyUnauthorizedBody && !jsonp) {
      res.status(401).end();
      return;
    }
    const body = {
      responseStatus: {
        errorCode: error.errorCode,
        message: error.message,
        errors: error.fieldErrors.map((e) => ({ errorCode: e.errorCode, fieldName: e.fieldName, message: e.message })),
      },
    };
    sendDto(res, jsonp ? 200 : error.status, format, body, deps.errorResponse);
  };
}

function toServiceError(err: unknown, req: Request, logger: ServerLogger): ServiceError {
  if (err instanceof ServiceError) return err;
  if (err instanceof StoreUnavailableError) {
    logger.error(`evo-mock: ${req.method} ${req.originalUrl}: ${err.message}`);
    return new ServiceError(503, 'ServiceUnavailable', `The store cannot take writes: ${err.message}`);
  }
  // Express and body readers signal client mistakes with a 4xx status (e.g. a malformed URL).
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ServiceError(status, 'BadRequest', err instanceof Error ? err.message : 'The request could not be read.');
  }
  logger.error(`evo-mock: ${req.method} ${req.originalUrl} failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new ServiceError(500, 'InternalServerError', 'The mock failed while handling this request; its log has the details. Please report it.');
}
