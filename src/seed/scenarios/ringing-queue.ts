import { finish } from '../call-legs.js';
import { waitInQueue } from '../call-steps.js';
import type { Scenario } from './scenario.js';
import { callToDev, SECOND } from './scenario-calls.js';
import { colleague } from './scenario-cast.js';

/** Two live calls in one ring queue: one waiting its turn, one ringing agents. */
export const ringingQueue: Scenario = {
  name: 'ringing-queue',
  summary: 'Two live calls in a ring queue: one Queued (waiting), one Ringing dev@example.com and a colleague',
  details: [
    "Both are live, in the account's first ring queue (the same ringQueueId). Session 1 started 90 seconds before the",
    'reference time and waits: queueState Queued, callState Connected, position 1. Session 2 started 40 seconds before:',
    'queueState Ringing, callState Ringing, the dev user and a colleague as Agent members Ringing.',
  ].join('\n'),
  fixed: () => [
    { n: 1, what: 'the call waiting in the queue (Queued)' },
    { n: 2, what: 'the call ringing agents (Ringing)' },
  ],
  build(ctx) {
    const { rnd, now } = ctx;
    const waiting = callToDev(ctx, { n: 1, ago: 90 * SECOND, live: true, queue: 'first' });
    const waitingMembers = waitInQueue(waiting.s, waiting.story, waiting.caller, waiting.queue, { position: 1 }, rnd);
    const ringing = callToDev(ctx, { n: 2, ago: 40 * SECOND, live: true, queue: 'first' });
    const { w, dev } = ringing;
    const ringingMembers = waitInQueue(ringing.s, ringing.story, ringing.caller, ringing.queue, { ringing: [dev, colleague(w, dev)] }, rnd);
    return {
      sessions: [
        { session: finish(waiting.s, waiting.story, waitingMembers, Math.min(waiting.story.at, now)) },
        { session: finish(ringing.s, ringing.story, ringingMembers, Math.min(ringing.story.at, now)) },
      ],
    };
  },
};
