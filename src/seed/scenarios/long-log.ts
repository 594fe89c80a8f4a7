import { finish } from '../call-legs.js';
import { answerBy } from '../call-steps.js';
import { agentMember, spoken } from '../session-parts.js';
import type { Scenario } from './scenario.js';
import { callToDev, HOUR, SECOND } from './scenario-calls.js';
import { colleague } from './scenario-cast.js';

export const LONG_LOG_ENTRIES = 500;

/** A call whose log is 500 entries long: a long support call with hold after hold and people coming and going. */
export const longLog: Scenario = {
  name: 'long-log',
  summary: 'An ended call in dev@example.com\'s first account whose log holds exactly 500 entries',
  details: [
    'Session 1 started 3 hours before the reference time and ended about 2 hours later, answered by dev@example.com;',
    'its log is exactly 500 entries, oldest first, a few seconds apart: holds and resumes, a colleague joining and',
    'leaving, keypresses, recordings. GET /sessions?specificIds=ID carries all 500; GET /sessions/{id} an empty log.',
  ].join('\n'),
  fixed: () => [{ n: 1, what: 'the call with a 500-entry log (ended)' }],
  build(ctx) {
    const { rnd } = ctx;
    const { w, dev, queue, s, story, caller } = callToDev(ctx, { ago: 3 * HOUR, live: false });
    const answeredAt = answerBy(s, story, dev, queue.id, 8 * SECOND, rnd);
    s.outcome = 'Answered';
    const helper = colleague(w, dev);
    const hold = w.holdQueues[0] ?? 'Hold';
    const beats = [
      () => `Put on hold by ${dev.displayName} in "${hold}"`,
      () => `Taken off hold by ${dev.displayName}`,
      () => `Caller pressed ${rnd.int(0, 9)}`,
      () => `${helper.displayName} joined the call (conference)`,
      () => `${helper.displayName} left the call`,
      () => `Recording ${rnd.chance(0.5) ? 'paused' : 'resumed'} by ${dev.displayName}`,
    ];
    // Everything but the last entry ("Call ended ...") is a beat.
    for (let i = 0; story.log.length < LONG_LOG_ENTRIES - 1; i++) story.tell((beats[i % beats.length] as () => string)(), rnd.int(5, 25) * SECOND);
    story.tell(`Call ended by caller after ${spoken(story.at + 30 * SECOND - answeredAt)}`, 30 * SECOND);
    return { sessions: [{ session: finish(s, story, [caller, agentMember(dev, { state: 'None', role: 'Agent' }, rnd)], story.at) }] };
  },
};
