import { Router } from 'express';
import { readLatency, type MockSettings } from '../behaviours/behaviour-gate.js';
import { DelaySyntaxError, formatDelay } from '../behaviours/delay.js';
import { fieldError, invalid, isObject } from '../behaviours/request-match.js';
import { ServiceError } from '../errors/service-error.js';
import type { RequestJournal } from '../journal/request-journal.js';
import { readAdminJson, sendJson } from './admin-json.js';

export interface SettingsRouteDeps {
  readonly settings: MockSettings;
  readonly journal: RequestJournal;
  readonly bodyLimit: number;
}

/** The largest journal a running mock may be given: entries keep up to 8 KB of bodies each. */
const MAX_JOURNAL_SIZE = 100_000;

/**
 * GET /__admin/settings, and POST with the members to change: `latency` (as --latency takes it: 200,
 * "50-300", "lognormal:80,0.4", an object, or null/0 for none) and `journalSize`.
 */
export function settingsRoutes(deps: SettingsRouteDeps): Router {
  const router = Router();
  const view = () => ({
    latency: deps.settings.latency ? formatDelay(deps.settings.latency) : null,
    journalSize: deps.journal.size,
  });
  router.get('/__admin/settings', (_req, res) => sendJson(res, 200, view()));
  router.post('/__admin/settings', async (req, res) => {
    const body = await readAdminJson(req, deps.bodyLimit);
    if (!isObject(body)) throw invalid('body', 'Send the settings to change as a JSON object, e.g. {"latency":"50-300"}.');
    const unknown = Object.keys(body).filter((k) => k !== 'latency' && k !== 'journalSize');
    if (unknown.length > 0) throw invalid(unknown[0]!, `'${unknown[0]}' is not a setting; use latency, journalSize.`);
    let latency = deps.settings.latency;
    if ('latency' in body) {
      try {
        latency = readLatency(body['latency']);
      } catch (err) {
        if (err instanceof DelaySyntaxError) throw invalid('latency', err.message);
        throw err;
      }
    }
    const size = body['journalSize'];
    if (size !== undefined && !(Number.isInteger(size) && (size as number) >= 0 && (size as number) <= MAX_JOURNAL_SIZE)) {
      const message = `'journalSize' must be a whole number from 0 (no journal) to ${MAX_JOURNAL_SIZE}.`;
      throw new ServiceError(400, 'ArgumentException', message, [fieldError('journalSize', message)]);
    }
    deps.settings.latency = latency;
    if (size !== undefined) deps.journal.resize(size as number);
    sendJson(res, 200, view());
  });
  return router;
}
