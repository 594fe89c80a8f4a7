import type { Express } from 'express';
import { AuthSessions } from './auth/auth-sessions.js';
import { BehaviourGate, type MockSettings } from './behaviours/behaviour-gate.js';
import { BehaviourRegistry } from './behaviours/behaviour-registry.js';
import type { DelaySpec } from './behaviours/delay.js';
import { DEFAULT_JOURNAL_SIZE, RequestJournal } from './journal/request-journal.js';
import type { CodecRegistry } from '../wire/codec-registry.js';
import type { WireObject } from '../spec/wire-type.js';

/**
 * What the admin API drives on a running mock beside the store: behaviours, settings (latency), the
 * request journal and the sign-in sessions. One per app; the server reaches it to persist behaviours
 * and to end journal streams on stop.
 */
export interface MockControls {
  readonly registry: BehaviourRegistry;
  readonly settings: MockSettings;
  readonly journal: RequestJournal;
  readonly sessions: AuthSessions;
  readonly gate: BehaviourGate;
}

export interface ControlOptions {
  readonly codecs: CodecRegistry;
  readonly errorResponse: WireObject;
  readonly journalSize?: number;
  readonly latency?: DelaySpec;
  readonly sessionTtlMs?: number;
}

/** Each app's controls, kept beside the app rather than under a string key of app.locals. */
const controlsByApp = new WeakMap<Express, MockControls>();

export function createControls(app: Express, options: ControlOptions): MockControls {
  const registry = new BehaviourRegistry();
  const settings: MockSettings = { latency: options.latency };
  const controls: MockControls = {
    registry,
    settings,
    journal: new RequestJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE),
    sessions: new AuthSessions(options.sessionTtlMs !== undefined ? { ttlMs: options.sessionTtlMs } : {}),
    gate: new BehaviourGate({ registry, settings, codecs: options.codecs, errorResponse: options.errorResponse }),
  };
  controlsByApp.set(app, controls);
  return controls;
}

export function controlsOf(app: Express): MockControls {
  const controls = controlsByApp.get(app);
  if (!controls) throw new Error('This app was not built by createApp.');
  return controls;
}
