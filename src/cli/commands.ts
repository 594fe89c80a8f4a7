import type { Command } from './command.js';

/**
 * Subcommands, loaded lazily so that `evo-mock serve` does not pay for the generator's or the
 * contract runner's imports at start-up.
 */
export const commands: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  generate: {
    summary: 'Parse the DTO pages in spec/sources/ into spec/openapi.json',
    load: async () => (await import('./generate-command.js')).generateCommand,
  },
  serve: { summary: 'Serve the mock Evo Voice Sessions API on http://127.0.0.1:4010', load: async () => (await import('./serve-command.js')).serveCommand },
  seed: { summary: 'Write a store of faker-seeded sessions without serving', load: async () => (await import('./seed-command.js')).seedCommand },
  contract: { summary: 'Check that a target honours the spec in JSON, XML and JSV (CI and QA)', load: async () => (await import('./contract-command.js')).contractCommand },
};
