/**
 * What the behaviours gate costs a request that no behaviour matches, in process: `enter` on a GET by
 * id with none set (the path every request takes today) and with ten set that all miss (operation,
 * method, path, header, user and format matches), in ns per request. run.ts divides it by the server's
 * time per GET by id measured in the same run.
 */
import type { Request, Response } from 'express';
import { BehaviourGate } from '../src/server/behaviours/behaviour-gate.js';
import { BehaviourRegistry } from '../src/server/behaviours/behaviour-registry.js';
import { loadApiModel } from '../src/spec/wire-model.js';
import { defaultCodecs } from '../src/wire/codec-registry.js';

export const MISSES = [
  { match: { operation: 'ListSessions' }, respond: { status: 503 } },
  { match: { operation: 'NewSession' }, respond: { delayMs: 800 } },
  { match: { method: 'POST', path: '/sessions' }, respond: { fault: 'reset' as const } },
  { match: { path: '/auth/*' }, respond: { status: 401 } },
  { match: { operation: 'GetSession', user: 'admin@example.com' }, respond: { status: 500 } },
  { match: { operation: 'GetSession', format: 'xml' as const }, respond: { fault: 'malformed' as const } },
  { match: { operation: 'GetSession', headers: { 'x-test': 'slow' } }, respond: { delayMs: 100 } },
  { match: { operation: 'GetSession', query: { fail: 'yes' } }, respond: { status: 502 } },
  { match: { path: '/api/**', method: 'DELETE' }, respond: { status: 405 } },
  { match: { operation: 'GetMySessions' }, respond: { status: 429 } },
];

export async function lookupNs(iterations = 200_000): Promise<{ none: number; tenMisses: number }> {
  const api = loadApiModel();
  const op = api.operations.find((o) => o.operationId === 'GetSession')!;
  const measure = async (registry: BehaviourRegistry) => {
    const gate = new BehaviourGate({ registry, settings: { latency: undefined }, codecs: defaultCodecs, errorResponse: api.errorResponse });
    const req = { method: 'GET', originalUrl: '/sessions/0f2a9c3e5b7d4e1f8a6b2c4d9e0f1a3b', headers: { accept: 'application/json', authorization: 'Basic x' }, socket: { destroyed: false } } as unknown as Request;
    const ctx = { operation: 'GetSession', op, format: { codec: defaultCodecs.json }, principal: undefined, responseType: op.responseType };
    const run = async (n: number) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) {
        const res = { locals: {} } as unknown as Response;
        // As the pipeline does: await only when the gate hands back a promise.
        const held = gate.enter(req, res, ctx);
        if (held !== undefined) await held;
      }
      return Number(process.hrtime.bigint() - started) / n;
    };
    await run(iterations / 4);
    return run(iterations);
  };
  const empty = new BehaviourRegistry();
  const ten = new BehaviourRegistry();
  for (const b of MISSES) ten.add(b);
  return { none: await measure(empty), tenMisses: await measure(ten) };
}
