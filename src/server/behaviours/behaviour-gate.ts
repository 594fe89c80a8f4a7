import type { Request, Response } from 'express';
import type { OperationModel } from '../../spec/api-model.js';
import type { WireObject } from '../../spec/wire-type.js';
import type { Principal } from '../auth/authenticate.js';
import { ServiceError } from '../errors/service-error.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import type { ResponseFormat } from '../wire/negotiate.js';
import { sendDto } from '../wire/send.js';
import { shapeAnswer, writeShaped } from './answer-shape.js';
import { compileEffect, type Effect } from './behaviour.js';
import type { BehaviourRegistry } from './behaviour-registry.js';
import { readDelay, sampleDelay, wait, type DelaySpec } from './delay.js';
import { dynamicValue } from './dynamic-response.js';
import { badPreference, parsePrefer, preferredResponse } from './prefer-header.js';
import type { RequestFacts } from './request-match.js';
import { traceBehaviour, traceFault, traceReached } from './request-trace.js';
import { specExamples } from './spec-examples.js';

/** Settings a running mock can change (POST /__admin/settings). */
export interface MockSettings {
  /** Every answer waits this long, unless a behaviour or Prefer: delay= says otherwise. */
  latency: DelaySpec | undefined;
}

/** Where a request stands when it reaches the gate: negotiated, its caller known, not yet handled. */
export interface GateContext {
  /** The operation reached (ListSessions, Authenticate, AuthStatus); undefined for a request that reached none. */
  readonly operation: string | undefined;
  readonly op?: OperationModel;
  readonly format: ResponseFormat;
  readonly principal: Principal | undefined;
  /** The DTO a fixed or generated body is written as. */
  readonly responseType: WireObject | undefined;
}

export interface GateDeps {
  readonly registry: BehaviourRegistry;
  readonly settings: MockSettings;
  readonly codecs: CodecRegistry;
  readonly errorResponse: WireObject;
}

/**
 * The one place behaviours, the Prefer header and global latency act on a request, called by every
 * endpoint once it has negotiated and identified the caller. `enter` answers undefined (go on, nothing
 * to wait for: the path with nothing set, which costs two checks), or a promise of whether to go on
 * (false: the gate answered, or cut the connection); an error effect is thrown as a ServiceError, so
 * the error handler writes it like any other, in the negotiated format.
 */
export class BehaviourGate {
  constructor(private readonly deps: GateDeps) {}

  enter(req: Request, res: Response, ctx: GateContext): Promise<boolean> | undefined {
    traceReached(res, ctx.operation, ctx.principal?.user.userName, ctx.format.codec.format);
    const raw = req.headers.prefer;
    const prefer = Array.isArray(raw) ? raw.join(', ') : raw;
    const latency = this.deps.settings.latency;
    if (this.deps.registry.size === 0 && prefer === undefined && latency === undefined) return undefined;
    const preferred = prefer === undefined ? undefined : this.preferredEffect(prefer, ctx);
    const hit = preferred === undefined && this.deps.registry.size > 0 ? this.deps.registry.find(factsOf(req, ctx)) : undefined;
    const effect = preferred ?? hit?.effect;
    // Behaviours set but none matching: decided here, with nothing to await.
    if (!effect && latency === undefined) return undefined;
    if (hit) traceBehaviour(res, hit.id);
    else if (preferred) traceBehaviour(res, 'prefer');
    return this.apply(req, res, ctx, effect, effect?.delay ?? latency);
  }

  private async apply(req: Request, res: Response, ctx: GateContext, effect: Effect | undefined, delay: DelaySpec | undefined): Promise<boolean> {
    if (delay) await wait(sampleDelay(delay));
    if (!effect) return true;
    if (req.socket.destroyed) return false;
    for (const [name, value] of Object.entries(effect.headers)) res.setHeader(name, value);
    if (effect.fault === 'reset') {
      traceFault(res, 'reset');
      req.socket.resetAndDestroy();
      return false;
    }
    if (effect.fault === 'empty') {
      traceFault(res, 'empty');
      req.socket.end();
      return false;
    }
    if (effect.fault === 'malformed' || effect.fault === 'dribble' || (effect.status !== undefined && effect.status < 400)) {
      shapeAnswer(res, {
        ...(effect.status !== undefined ? { status: effect.status } : {}),
        ...(effect.fault === 'malformed' || effect.fault === 'dribble' ? { fault: effect.fault } : {}),
        dribble: effect.dribble,
      });
    }
    if (effect.error) throw new ServiceError(effect.status ?? 500, effect.error.errorCode, effect.error.message, effect.error.errors);
    if (effect.body) {
      this.sendBody(res, ctx, effect);
      return false;
    }
    return true;
  }

  private sendBody(res: Response, ctx: GateContext, effect: Effect): void {
    const status = effect.status ?? 200;
    const body = effect.body!;
    if ('text' in body) {
      writeShaped(res, status, ctx.format.codec.contentType, body.text, { dribble: effect.dribble, ...(effect.fault === 'malformed' || effect.fault === 'dribble' ? { fault: effect.fault } : {}) });
      return;
    }
    const type = status >= 400 ? this.deps.errorResponse : ctx.responseType;
    try {
      if (!type) throw new Error(`${ctx.operation ?? 'this request'} has no response type in the spec`);
      sendDto(res, status, ctx.format, body.value, type);
    } catch (err) {
      if (res.headersSent) throw err;
      // validate:false may hold what the DTO's writers refuse: JSON can still carry it as given.
      if (!effect.validate && ctx.format.codec.format === 'json' && ctx.format.callback === undefined) {
        writeShaped(res, status, ctx.format.codec.contentType, JSON.stringify(body.value), { dribble: effect.dribble });
        return;
      }
      throw new ServiceError(500, 'InvalidBehaviour', `The behaviour's body cannot be written as ${ctx.format.codec.format.toUpperCase()}: ${err instanceof Error ? err.message : String(err)}. Give a body of the operation's response type, or a string.`);
    }
  }

  private preferredEffect(header: string, ctx: GateContext): Effect | undefined {
    const prefs = parsePrefer(header);
    let body: unknown;
    if (prefs.example !== undefined) {
      const examples = ctx.op ? specExamples(ctx.op, this.deps.codecs) : new Map<string, unknown>();
      if (!examples.has(prefs.example)) {
        const names = [...examples.keys()];
        throw badPreference('example', `${ctx.operation ?? 'This request'} has no example '${prefs.example}' in the spec; ${names.length > 0 ? `it has ${names.join(', ')}` : 'it has none'}.`);
      }
      body = examples.get(prefs.example);
    } else if (prefs.dynamic === true) {
      if (!ctx.responseType) throw badPreference('dynamic', `${ctx.operation ?? 'This request'} has no response type to generate from.`);
      body = dynamicValue(ctx.responseType);
    }
    const respond = preferredResponse(prefs, body);
    return respond ? compileEffect(respond, 'Prefer') : undefined;
  }
}

/** A live request as a match sees it. */
function factsOf(req: Request, ctx: GateContext): RequestFacts {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return {
    method: req.method,
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers: req.headers,
    operation: ctx.operation,
    user: ctx.principal?.user.userName,
    format: ctx.format.codec.format,
  };
}

/** --latency and POST /__admin/settings take the same forms; an absent or "0" value means none. */
export function readLatency(value: unknown): DelaySpec | undefined {
  if (value === undefined || value === null || value === 0 || value === '0' || value === '') return undefined;
  return readDelay(value);
}
