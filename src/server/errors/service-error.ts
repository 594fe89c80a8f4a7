/** One field's complaint, as ServiceStack's ResponseError carries it. */
export interface FieldError {
  readonly errorCode: string;
  /** The DTO property name as the CLR declares it (PascalCase), as ServiceStack reports it. */
  readonly fieldName: string;
  readonly message: string;
}

/**
 * The one error type the request path throws. The error handler writes it as ServiceStack's
 * ErrorResponse { responseStatus: { errorCode, message, errors } } in the negotiated format.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** Extra response headers, e.g. WWW-Authenticate on a 401. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Runs `work`; an error of `kind` (a lower layer's typed complaint about what was asked of it) becomes
 * the ServiceError `answer` makes of it, and anything else passes on unchanged.
 */
export async function answerErrors<E extends Error, T>(kind: new (...args: never[]) => E, answer: (err: E) => ServiceError, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof kind) throw answer(err);
    throw err;
  }
}

export function notFound(message: string): ServiceError {
  return new ServiceError(404, 'NotFound', message);
}

/** ServiceStack's binding failure: SerializationException "Unable to bind to request 'X'" with per-field errors. */
export function bindingError(requestName: string, fieldErrors: readonly FieldError[]): ServiceError {
  return new ServiceError(400, 'SerializationException', `Unable to bind to request '${requestName}'`, fieldErrors);
}

/** A body that cannot be read; ServiceStack reports a SerializationException (400). */
export function unreadableBody(message: string, fieldErrors: readonly FieldError[] = []): ServiceError {
  return new ServiceError(400, 'SerializationException', message, fieldErrors);
}

/**
 * A rejected value, reported as ServiceStack's ValidationFeature does: errorCode and message of the
 * first field error, then every field in errors[].
 */
export function validationError(fieldErrors: readonly [FieldError, ...FieldError[]]): ServiceError {
  const [first] = fieldErrors;
  return new ServiceError(400, first.errorCode, first.message, fieldErrors);
}

/** ServiceExec's 405 when a service has no method for the verb (nor Any): "Could not find method named Put(X) or Any(X) on Service XService". */
export function noServiceMethod(requestName: string, verb: string, service: string): ServiceError {
  const method = verb.charAt(0).toUpperCase() + verb.slice(1).toLowerCase();
  return new ServiceError(405, 'NotImplementedException', `Could not find method named ${method}(${requestName}) or Any(${requestName}) on Service ${service}`);
}
