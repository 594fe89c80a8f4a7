import type { Scenario } from './scenario.js';

/** No sessions at all: what a brand-new tenant's call log shows. Combine it with others to have only theirs. */
export const empty: Scenario = {
  name: 'empty',
  summary: 'No sessions at all, in any account (combine with other scenarios to have only theirs)',
  details: [
    'A new store gets no seeded sessions (the same as --sessions 0); scenarios named with it still add theirs,',
    'e.g. --scenario empty,hold-transferring. Every user lists zero sessions. On a running mock it deletes every',
    'session (POST /__admin/reset brings the seeded ones back).',
  ].join('\n'),
  fixed: () => [],
  build: () => ({ sessions: [], emptied: { accounts: 'all', label: 'every account' } }),
};
