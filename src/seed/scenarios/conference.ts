import { finish } from '../call-legs.js';
import { answerBy } from '../call-steps.js';
import { agentMember } from '../session-parts.js';
import type { Scenario } from './scenario.js';
import { callToDev, MINUTE, SECOND } from './scenario-calls.js';

export const CONFERENCE_MEMBERS = 6;

/** A live conference of six: the caller, dev@example.com and four colleagues who joined one by one. */
export const conference: Scenario = {
  name: 'conference',
  summary: 'A live call with 6 members: the caller, dev@example.com and four colleagues in conference',
  details: [
    'Session 1 started 25 minutes before the reference time, answered by dev@example.com, and is Connected with a',
    'conferenceSid and exactly 6 members, all Connected: the Caller, dev as Agent, then four colleagues as Agent',
    '(one muted), each with a "joined the call (conference)" log entry. In /sessions/active and /sessions/my as dev.',
    'Colleagues come from the account\'s generated staff and, where there are too few, the account\'s other users.',
  ].join('\n'),
  fixed: () => [{ n: 1, what: 'the six-member conference (live)' }],
  build(ctx) {
    const { rnd, now } = ctx;
    const { w, dev, queue, s, story, caller } = callToDev(ctx, { ago: 25 * MINUTE, live: true });
    answerBy(s, story, dev, queue.id, 9 * SECOND, rnd);
    s.callState = 'Connected';
    s.queueState = 'Connected';
    const members = [caller, agentMember(dev, { state: 'Connected', role: 'Agent' }, rnd)];
    const others = w.agents.filter((a) => a.id !== dev.id).slice(0, CONFERENCE_MEMBERS - 2);
    for (const [i, a] of others.entries()) {
      members.push({ ...agentMember(a, { state: 'Connected', role: 'Agent' }, rnd), muted: i === 1 });
      story.tell(`${a.displayName} joined the call (conference)`, rnd.int(60, 240) * SECOND);
    }
    return { sessions: [{ session: finish(s, story, members, Math.min(story.at, now)) }] };
  },
};
