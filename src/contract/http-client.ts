/** The raw exchange, before any format is applied: what the checks look at. */
export interface TargetResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The Content-Type header as sent, '' when absent. */
  readonly contentType: string;
  readonly text: string;
  readonly durationMs: number;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The target did not answer at all: no HTTP status to check, so the run cannot go on. */
export class TargetUnreachableError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'TargetUnreachableError';
  }
}

export type HttpClient = (request: HttpRequest) => Promise<TargetResponse>;

/** An HTTP client on Node's fetch with a per-request timeout; network failures become TargetUnreachableError. */
export function fetchClient(timeoutMs: number): HttpClient {
  return async (request) => {
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new TargetUnreachableError(explainNetworkError(err, timeoutMs), request.url);
    }
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      status: res.status,
      headers,
      contentType: res.headers.get('content-type') ?? '',
      text,
      durationMs: performance.now() - started,
    };
  };
}

function explainNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens on that host and port)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNRESET':
      return 'the connection was reset';
    default: {
      if (cause instanceof Error && cause.message === 'bad port') return 'fetch refuses to use that port (it is on the "bad ports" list); pick another';
      const detail = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
      return code ? `${code}: ${detail}` : detail;
    }
  }
}
