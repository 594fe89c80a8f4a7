import type { DisagreementLog } from './disagreements.js';

/**
 * Where what is known of the real server's behaviour goes beyond the pages or pulls against them,
 * and what the mock does about it. Kept beside the pages' own disagreements so one report holds every
 * judgement call; the evidence names where each fact was read.
 */
export function recordServerFacts(log: DisagreementLog): void {
  log.add(
    'GetActiveSessions: whose active sessions GET /sessions/active answers',
    [
      'GetActiveSessions.txt: no description; role User; answers { sessions: SessionInfo[] }',
      'GetMySessions.txt: GET /sessions/my is "Get all your active sessions"',
      'the public Evo Voice CLI (its COMMANDS.md): "session active-mine" calls GET /sessions/active, the signed-in phone user\'s active sessions, and "requires the signed-in identity to match a phone-user endpoint"',
      'the same CLI: account-wide active calls are "session active", GET /calls/active?accountId=..., a route the DTO pages do not describe',
    ],
    "the signed-in user's live sessions on their own phone-user endpoint (the session's endpoint, or a member on it), in the accounts they reach; " +
      'a user with no User endpoint there gets 403. Unknown: the real answer for such a user (403 is a guess), how it differs from /sessions/my ' +
      "(here the same sessions, as every member on a user's endpoint is that user), and /calls/active's shape, so the mock does not serve /calls/active",
  );
  log.add(
    'GetSession on a session older than 15 days',
    [
      'ListSessions.txt: SearchArchive, "Whether to search live or archived sessions"',
      'the public Evo Voice CLI: sessions older than about 15 days move to an ArchivedSession collection; "404 on a known session id: likely archived (>15 days)"',
    ],
    'GET /sessions/{id} answers 404 for a session created more than 15 days before the clock; ListSessions reads it with specificIds and searchArchive=true. ' +
      'Unknown: whether the real server archives by dateCreated or by when the call ended (the mock uses dateCreated, as its list filter does)',
  );
}
