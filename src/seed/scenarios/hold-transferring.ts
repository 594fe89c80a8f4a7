import { finish } from '../call-legs.js';
import { answerBy, putOnHold, startTransfer } from '../call-steps.js';
import { agentMember } from '../session-parts.js';
import type { Scenario } from './scenario.js';
import { callIntoQueue, MINUTE, SECOND } from './scenario-calls.js';
import { colleague, devDesk, knownCaller } from './scenario-cast.js';

/**
 * A caller on hold while the dev user transfers them: the live call (Hold, holdReason Transferring)
 * and the transfer's ringing leg as its child session.
 */
export const holdTransferring: Scenario = {
  name: 'hold-transferring',
  summary: 'A live call on hold while dev@example.com transfers it, with the ringing transfer leg as a child session',
  details: [
    'Session 1 started 7 minutes before the reference time: callState and queueState Hold, holdReason Transferring,',
    "holdQueueName the account's first hold queue, heldByUserId the dev user; members: the Caller on Hold, the dev user",
    'as Agent (Connected), a colleague as Transfer (Ringing); its log tells the call up to "Transferring to ...".',
    'Session 2 is the transfer leg ringing the colleague (callState Ringing, dialState Active), with parentSessionId',
    'session 1. Both are in GET /sessions/active and GET /sessions/my as dev@example.com.',
  ].join('\n'),
  fixed: () => [
    { n: 1, what: 'the call on hold, transferring' },
    { n: 2, what: 'the transfer leg, ringing (child of 1)' },
  ],
  build(ctx) {
    const { w, dev } = devDesk(ctx);
    const { rnd, now } = ctx;
    const contact = knownCaller(w, rnd);
    const queue = rnd.pick(w.queues);
    const call = callIntoQueue(ctx, w, { n: 1, started: now - 7 * MINUTE, contact, queue, live: true });
    const { s, story, caller } = call;
    answerBy(s, story, dev, queue.id, 6 * SECOND, rnd);
    s.queueState = 'Hold';
    s.callState = 'Hold';
    const members = [caller, agentMember(dev, { state: 'Connected', role: 'Agent' }, rnd)];
    putOnHold(s, story, caller, dev, w.holdQueues[0] ?? 'Hold', 'Transferring', 3 * MINUTE);
    const child = startTransfer(w, s, story, contact, members, dev, colleague(w, dev), rnd, ctx.id(2));
    return {
      sessions: [
        { session: finish(s, story, members, Math.min(story.at, now)) },
        { session: child, parentSessionId: ctx.id(1) },
      ],
    };
  },
};
