import type { StoredSession } from '../../store/session-store.js';
import { finish } from '../call-legs.js';
import { answerBy, hangUp, missedCall } from '../call-steps.js';
import { agentMember, pickAgent, tail } from '../session-parts.js';
import type { Scenario } from './scenario.js';
import { callIntoQueue, DAY, HOUR, MINUTE } from './scenario-calls.js';
import { devDesk } from './scenario-cast.js';

export const HUGE_LIST_DEFAULT = 50_000;
/** The store's own ceiling for a seed (--sessions), for the same reason: memory, about 5 KB a session. */
export const HUGE_LIST_MAX = 200_000;
/** All of them inside the default call log, which shows the last 15 days. */
const SPREAD_MS = 14 * DAY;

/**
 * Many ended calls in the dev user's first account, spread evenly over the last 14 days so every one
 * is in the default call log (no searchArchive): paging, totals and scrolling at scale.
 */
export const hugeList: Scenario = {
  name: 'huge-list',
  summary: "Many ended calls (default 50 000; huge-list:COUNT) in dev@example.com's first account, over the last 14 days",
  details: [
    'Sessions 1..COUNT, oldest first, evenly spaced between 14 days and 1 hour before the reference time, so all are',
    "in the default call log. Ended incoming calls to the account's lines (about 85% answered, the rest missed) with",
    'the seed\'s members, SIDs and logs. Added to what the account already holds: with --scenario empty,huge-list',
    'GET /sessions?accountIds=<dev\'s first account> totals exactly COUNT.',
  ].join('\n'),
  count: { default: HUGE_LIST_DEFAULT, min: 1, max: HUGE_LIST_MAX },
  fixed: (count) => [
    { n: 1, what: 'the oldest' },
    { n: count, what: 'the newest' },
  ],
  build(ctx) {
    const { w } = devDesk(ctx);
    const { rnd, count } = ctx;
    const newest = ctx.now - HOUR;
    const step = Math.floor((SPREAD_MS - HOUR) / count);
    const sessions: StoredSession[] = new Array(count);
    for (let n = 1; n <= count; n++) {
      const contact = rnd.pick(w.contacts);
      const queue = rnd.pick(w.queues);
      const { s, story, caller } = callIntoQueue(ctx, w, { n, started: newest - (count - n) * step, contact, queue, live: false });
      if (rnd.chance(0.15)) {
        sessions[n - 1] = { session: missedCall(s, story, caller, [pickAgent(w, rnd, 0.25)], rnd.chance(0.6) ? 'Voicemail' : 'Abandoned', rnd) };
        continue;
      }
      const agent = pickAgent(w, rnd, 0.25);
      answerBy(s, story, agent, queue.id, rnd.int(3_000, 25_000), rnd);
      s.outcome = 'Answered';
      const members = [caller, agentMember(agent, { state: 'None', role: 'Agent' }, rnd)];
      hangUp(story, agent, tail(rnd, 4 * MINUTE, 50 * MINUTE), rnd);
      sessions[n - 1] = { session: finish(s, story, members, story.at) };
    }
    return { sessions };
  },
};
