import type { Fixtures } from '../../store/fixtures.js';
import { ScenarioError, type Scenario } from './scenario.js';

/** Who signs in to see an account with nothing in it. */
export const EMPTY_USER = 'empty@example.com';

/**
 * An account with no sessions: empty@example.com's (the fixtures' seedShare-0 account), kept empty
 * on purpose rather than by the luck of the seed's weights.
 */
export const emptyAccount: Scenario = {
  name: 'empty-account',
  summary: 'empty@example.com sees an account with zero sessions',
  details: [
    "Guarantees that empty@example.com's account (Umbrella Labs in the default fixtures, seedShare 0) holds no",
    'session: in a new store it drops any the seed put there. Signed in as empty@example.com / empty, GET /sessions',
    'answers totalCount 0, totalPages 0, and /sessions/active and /sessions/my answer no sessions. Creates no session.',
    'On a running mock it deletes whatever the account holds (created since, or put there by other scenarios).',
  ].join('\n'),
  fixed: () => [],
  build(ctx) {
    const accountId = emptyAccountId(ctx.fixtures);
    return { sessions: [], emptied: { accounts: [accountId], label: `account ${accountId} (${EMPTY_USER}'s)` } };
  },
};

/** empty@example.com's first account, else the first account the seed gives no share. */
export function emptyAccountId(fixtures: Fixtures): string {
  const user = fixtures.users.find((u) => u.userName.toLowerCase() === EMPTY_USER);
  const id = user?.accountIds[0] ?? fixtures.accounts.find((a) => a.seedShare === 0)?.id;
  if (id === undefined) {
    throw new ScenarioError(`empty-account needs ${EMPTY_USER} (with an account) or an account with seedShare 0 in fixtures/; neither is there.`, 'conflict');
  }
  return id;
}
