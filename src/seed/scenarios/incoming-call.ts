import { finish } from '../call-legs.js';
import { waitInQueue } from '../call-steps.js';
import type { Scenario } from './scenario.js';
import { callToDev, MINUTE, SECOND } from './scenario-calls.js';

/** How much of the call's story (line, flow, queue, ringing) is already told when the scenario starts. */
const LEAD = 12 * SECOND;

/**
 * A call that moves on the clock: it rings dev@example.com when the scenario starts, and then, as the
 * clock passes each step, is answered, held, transferred (with its child leg) and ended.
 */
export const incomingCall: Scenario = {
  name: 'incoming-call',
  summary: 'A call that moves on the clock: rings dev@example.com, answered at 20 s, on hold at 1 min, transferred at 1 min 30 s, ended at 3 min',
  details: [
    "Session 1 rings dev@example.com in the account's first ring queue from the moment the scenario is applied (its",
    'story so far starts 12 seconds earlier). Then, as the clock passes each time (running, advanced or set):',
    '+20 s answered by dev (Connected); +1 min put on hold (Hold); +1 min 30 s transferring to a colleague (Hold,',
    'holdReason Transferring, session 2 created as the ringing child leg); +1 min 50 s the colleague answers (dev',
    'leaves; the leg is Connected); +3 min the call ends (Disconnected, outcome Answered, the leg ends with it).',
    'POST /__admin/scenarios/incoming-call starts it again at the current clock. Drive it with POST /__admin/clock',
    '{"pause":true} and then {"advance":"20s"}, {"advance":"40s"}, ...',
  ].join('\n'),
  fixed: () => [
    { n: 1, what: 'the call: ringing, then answered, held, transferred and ended on the clock' },
    { n: 2, what: 'the transfer leg, created 1 min 30 s after the start' },
  ],
  moves: {
    startLead: LEAD,
    steps: [
      { n: 1, after: 20 * SECOND, transition: 'answer', what: 'answered by dev@example.com' },
      { n: 1, after: MINUTE, transition: 'hold', what: 'put on hold' },
      { n: 1, after: 90 * SECOND, transition: 'transfer', leg: 2, what: 'transferring to a colleague; session 2 rings them' },
      { n: 1, after: 110 * SECOND, transition: 'transfer-answered', what: 'the colleague answers; dev leaves' },
      { n: 1, after: 3 * MINUTE, transition: 'hang-up', what: 'ended (outcome Answered); the leg ends too' },
    ],
  },
  build(ctx) {
    const { dev, queue, s, story, caller } = callToDev(ctx, { ago: LEAD, live: true, queue: 'first' });
    const members = waitInQueue(s, story, caller, queue, { ringing: [dev] }, ctx.rnd);
    return { sessions: [{ session: finish(s, story, members, Math.min(story.at, ctx.now)) }] };
  },
};
