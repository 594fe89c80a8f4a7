import { missedCall } from '../call-steps.js';
import type { Scenario } from './scenario.js';
import { callIntoQueue, HOUR } from './scenario-calls.js';
import { colleague, devDesk, knownCaller } from './scenario-cast.js';

/** A call nobody answered, as the seed's missed calls are (the caller gave up while it rang). */
export const missedCallScenario: Scenario = {
  name: 'missed-call',
  summary: 'An incoming call that rang dev@example.com and a colleague, and ended unanswered',
  details: [
    'Session 1 started 2 hours before the reference time and has ended: callState Disconnected, queueState',
    'Disconnected, wasMissed true, outcome Abandoned (the caller hung up while it rang; the seed marks its other',
    'missed calls Voicemail), no answeredById or answeredByName, the Caller its only member.',
  ].join('\n'),
  fixed: () => [{ n: 1, what: 'the missed call (ended, wasMissed, Abandoned)' }],
  build(ctx) {
    const { w, dev } = devDesk(ctx);
    const contact = knownCaller(w, ctx.rnd);
    const { s, story, caller } = callIntoQueue(ctx, w, { n: 1, started: ctx.now - 2 * HOUR, contact, queue: ctx.rnd.pick(w.queues), live: false });
    return { sessions: [{ session: missedCall(s, story, caller, [dev, colleague(w, dev)], 'Abandoned', ctx.rnd) }] };
  },
};
