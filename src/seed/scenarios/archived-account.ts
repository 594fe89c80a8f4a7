import type { StoredSession } from '../../store/session-store.js';
import { finish } from '../call-legs.js';
import { answerBy, hangUp, missedCall } from '../call-steps.js';
import { agentMember, pickAgent, tail } from '../session-parts.js';
import { ScenarioError, type Scenario } from './scenario.js';
import { callIntoQueue, DAY, MINUTE, SECOND } from './scenario-calls.js';

/** Who signs in to see it. */
export const ARCHIVED_USER = 'other@example.com';
export const ARCHIVED_SESSIONS = 24;
const NEWEST_DAYS = 16;
const OLDEST_DAYS = 45;

/** An account whose every session is in the archive: its default call log is empty, searchArchive=true shows them all. */
export const archivedAccount: Scenario = {
  name: 'archived-account',
  summary: `${ARCHIVED_USER}'s account holds only archived sessions (${ARCHIVED_SESSIONS} calls, 16 to 45 days old)`,
  details: [
    `Empties ${ARCHIVED_USER}'s first account (Globex Legal in the default fixtures) and puts ${ARCHIVED_SESSIONS} ended calls in it,`,
    `evenly spread from ${OLDEST_DAYS} to ${NEWEST_DAYS} days before the reference time, so all are past the 15-day boundary.`,
    `Signed in as ${ARCHIVED_USER} / other: GET /sessions answers totalCount 0, GET /sessions?searchArchive=true all ${ARCHIVED_SESSIONS},`,
    'and GET /sessions/{id} of any of them is a 404 (archived); GET /sessions?specificIds=ID&searchArchive=true reads it.',
  ].join('\n'),
  fixed: () =>
    Array.from({ length: ARCHIVED_SESSIONS }, (_, i) => ({
      n: i + 1,
      what: i === 0 ? 'the oldest archived call' : i === ARCHIVED_SESSIONS - 1 ? 'the newest archived call' : 'an archived call',
    })),
  build(ctx) {
    const user = ctx.fixtures.users.find((u) => u.userName.toLowerCase() === ARCHIVED_USER);
    const w = ctx.world.accounts.find((a) => a.account.id === user?.accountIds[0]);
    if (!user || !w) {
      throw new ScenarioError(`archived-account puts its sessions in ${ARCHIVED_USER}'s first account, but fixtures/users.json has no such user with an account; put the user back.`, 'conflict');
    }
    const { rnd, now } = ctx;
    const oldest = now - OLDEST_DAYS * DAY;
    const step = Math.floor(((OLDEST_DAYS - NEWEST_DAYS) * DAY) / (ARCHIVED_SESSIONS - 1));
    const sessions: StoredSession[] = [];
    for (let n = 1; n <= ARCHIVED_SESSIONS; n++) {
      const { s, story, caller } = callIntoQueue(ctx, w, { n, started: oldest + (n - 1) * step, contact: rnd.pick(w.contacts), queue: rnd.pick(w.queues), live: false });
      const agent = pickAgent(w, rnd, 0.5);
      if (n % 6 === 0) {
        sessions.push({ session: missedCall(s, story, caller, [agent], 'Voicemail', rnd) });
        continue;
      }
      answerBy(s, story, agent, s.ringQueueId ?? undefined, rnd.int(4, 20) * SECOND, rnd);
      s.outcome = 'Answered';
      hangUp(story, agent, tail(rnd, 4 * MINUTE, 40 * MINUTE), rnd);
      sessions.push({ session: finish(s, story, [caller, agentMember(agent, { state: 'None', role: 'Agent' }, rnd)], story.at) });
    }
    return { sessions, emptied: { accounts: [w.account.id], label: `account ${w.account.id} (${ARCHIVED_USER}'s)` } };
  },
};
