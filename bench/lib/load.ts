import autocannon from 'autocannon';

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly total: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PATCH';
  /** Paths the requests go to in turn (the URL's own path when absent), e.g. a PATCH per session. */
  readonly paths?: readonly string[];
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  readonly durationS: number;
  /** Samples resident memory of the server while the load runs. */
  readonly onTick?: () => void;
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const ticker = opts.onTick ? setInterval(opts.onTick, 200) : undefined;
  try {
    const result = await autocannon({
      url: opts.url,
      method: opts.method ?? 'GET',
      headers: opts.headers ?? {},
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      connections: opts.connections,
      duration: opts.durationS,
      ...(opts.paths && opts.paths.length > 0 ? { requests: [{ setupRequest: rotate(opts.paths) }] } : {}),
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      total: result.requests.total,
    };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

function rotate(paths: readonly string[]): (req: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (req) => ({ ...req, path: paths[next++ % paths.length] as string });
}
