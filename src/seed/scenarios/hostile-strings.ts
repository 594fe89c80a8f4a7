import { finish } from '../call-legs.js';
import { answerBy, hangUp } from '../call-steps.js';
import { agentMember, prune } from '../session-parts.js';
import type { Scenario } from './scenario.js';
import { callToDev, HOUR, MINUTE, SECOND } from './scenario-calls.js';

/** Text that breaks naive CSV, JSV, XML, HTML and terminal handling, each kind on its own and together. */
export const HOSTILE = {
  quotes: `O'Brien said "hello" and then \\"escaped\\" it`,
  commas: 'Smith, John, Jr., and Co., Ltd.',
  emoji: 'Zoë 📞🔥 — ☎️ 👩🏽‍💻 café',
  lines: 'first line\nsecond line\r\nthird\tafter a tab',
  markup: '<b>bold</b> & <script>alert(1)</script> {braces:[brackets]}',
  all: `"Quoted", with commas, 'single', 📞 emoji,\nand a line break & <tags>`,
} as const;

/** An ended call whose every free-text field is hostile: names, log lines, console data, member data. */
export const hostileStrings: Scenario = {
  name: 'hostile-strings',
  summary: 'A call whose strings hold quotes, commas, emoji, line breaks and markup, in every free-text field',
  details: [
    "Session 1 (ended, an hour old, in dev@example.com's first account): displayName, fromName, a member's",
    'displayName and applicationData, consoleData and six log messages carry single and double quotes, backslashes,',
    'commas, emoji (with joiners and skin tones), CR/LF line breaks, a tab, and <markup> & entities. Every format',
    'must round-trip them: JSON, XML and JSV readers get back exactly what was stored.',
  ].join('\n'),
  fixed: () => [{ n: 1, what: 'the call with hostile strings (ended)' }],
  build(ctx) {
    const { rnd } = ctx;
    const { dev, queue, s, story, caller } = callToDev(ctx, { ago: HOUR, live: false, callerName: HOSTILE.all });
    answerBy(s, story, dev, queue.id, 6 * SECOND, rnd);
    s.outcome = 'Answered';
    s.displayName = HOSTILE.all;
    s.fromName = HOSTILE.quotes;
    s.consoleData = JSON.stringify({ note: HOSTILE.lines, customer: HOSTILE.commas, mood: HOSTILE.emoji });
    for (const text of [HOSTILE.quotes, HOSTILE.commas, HOSTILE.emoji, HOSTILE.lines, HOSTILE.markup]) story.tell(`Note: ${text}`, 20 * SECOND);
    hangUp(story, dev, 4 * MINUTE, rnd);
    const agent = { ...agentMember(dev, { state: 'None', role: 'Agent' }, rnd), applicationData: { note: HOSTILE.all, 'key, with "quotes"': HOSTILE.emoji } };
    const guest = { ...agentMember(dev, { state: 'None', role: 'Agent' }, rnd), identity: 'guest', endpointId: undefined, displayName: HOSTILE.markup, avatarUrl: undefined };
    const members = [{ ...caller, displayName: HOSTILE.emoji }, agent, prune(guest)];
    return { sessions: [{ session: finish(s, story, members, story.at) }] };
  },
};
