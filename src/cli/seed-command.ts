import { existsSync } from 'node:fs';
import { intOption, stringOption, UsageError, type Command, type OptionSpec, type OptionValues } from './command.js';
import { DEFAULT_SEED, DEFAULT_SESSION_COUNT } from '../seed/seed-defaults.js';
import type { ScenarioRequest } from '../seed/scenarios/scenario-request.js';
import type { SeededScenario } from '../seed/scenarios/seed-scenarios.js';
import { isCalendarDay } from '../store/list-sessions.js';

export { openOrSeedStore, type OpenOrSeedOptions, type OpenedStore } from '../seed/open-or-seed.js';

export const DEFAULT_DB_PATH = '.data/db.json';
/** Far beyond any test; each session costs about 2 KB on disk and 5 KB in memory. */
export const MAX_SESSIONS = 200_000;

/** The store options `seed` and `serve` share, so both explain and read them the same way. */
export const storeOptionSpecs: Readonly<Record<string, OptionSpec>> = {
  db: { type: 'string', value: 'PATH', default: DEFAULT_DB_PATH, description: 'The lowdb store file (its journal and lock sit beside it).' },
  seed: { type: 'string', value: 'N', default: String(DEFAULT_SEED), description: 'Faker seed for a new store; the same seed, count and --now give byte-identical data.' },
  sessions: { type: 'string', value: 'COUNT', default: String(DEFAULT_SESSION_COUNT), description: `Sessions in a new store (0 to ${MAX_SESSIONS}).` },
  now: {
    type: 'string',
    value: 'ISO',
    default: 'the current time',
    description: 'Reference time for seeded dates (e.g. 2026-11-20T12:00:00Z); the store keeps it as its clock, so the 15-day archive boundary stays put.',
  },
  reset: { type: 'boolean', description: 'Replace an existing store with a fresh seed (sessions created since are lost).' },
  scenario: {
    type: 'string',
    multiple: true,
    value: 'NAME[,NAME...]',
    description:
      "QA scenarios put on top of a new or reset store's sessions, with fixed ids (e.g. hold-transferring,missed-call, huge-list:20000); 'list' prints them.",
  },
};

export interface StoreCliOptions {
  readonly file: string;
  readonly seed: number;
  readonly sessions: number;
  readonly now?: Date;
  readonly reset: boolean;
  /** --scenario as given (NAME[:COUNT] items, comma-separated); readScenarios() resolves them. */
  readonly scenarioTexts: readonly string[];
  /** Seeding options given explicitly, which only matter when a store is (re)seeded. */
  readonly seedingOptionsGiven: readonly string[];
}

export function readStoreOptions(values: OptionValues): StoreCliOptions {
  const file = stringOption(values, 'db') ?? DEFAULT_DB_PATH;
  if (file.trim() === '') throw new UsageError('--db needs a file path, e.g. --db .data/db.json.');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? undefined : parseNow(nowText);
  return {
    file,
    seed: intOption(values, 'seed', DEFAULT_SEED, 0, 0xffff_ffff),
    sessions: intOption(values, 'sessions', DEFAULT_SESSION_COUNT, 0, MAX_SESSIONS),
    ...(now ? { now } : {}),
    reset: values['reset'] === true,
    scenarioTexts: scenarioTexts(values),
    seedingOptionsGiven: ['seed', 'sessions', 'now', 'scenario'].filter((k) => values[k] !== undefined).map((k) => `--${k}`),
  };
}

function scenarioTexts(values: OptionValues): string[] {
  const raw = values['scenario'];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
}

/**
 * --scenario resolved against the registry: 'list' alone asks for the listing; an unknown name or a
 * bad size is a UsageError naming the valid scenarios. Loaded only when the option is there.
 */
export async function readScenarios(opts: StoreCliOptions): Promise<'list' | readonly ScenarioRequest[]> {
  if (opts.scenarioTexts.length === 0) return [];
  if (opts.scenarioTexts.length === 1 && opts.scenarioTexts[0]?.trim().toLowerCase() === 'list') return 'list';
  const [{ parseScenarioList }, { ScenarioError }] = await Promise.all([import('../seed/scenarios/scenario-request.js'), import('../seed/scenarios/scenario.js')]);
  try {
    return parseScenarioList(opts.scenarioTexts);
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(`--scenario: ${err.message} Run with --scenario list to see what each does.`);
    throw err;
  }
}

/** `--scenario list`: the scenarios with their fixed ids. */
export async function printScenarioList(): Promise<number> {
  const { scenarioListing } = await import('../seed/scenarios/scenario-catalog.js');
  console.log(scenarioListing());
  return 0;
}

/** One line on what --scenario did to a new store. */
export function scenarioSummary(applied: readonly SeededScenario[]): string {
  if (applied.length === 0) return '';
  const parts = applied.map((a) => `${a.name}${a.count > 0 ? `:${a.count}` : ''} ${[a.added > 0 ? `+${a.added}` : '', a.dropped > 0 ? `-${a.dropped}` : ''].filter(Boolean).join(' ') || '(no change)'}`);
  return `Scenarios: ${parts.join(', ')}.`;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** --now: a date or date-time in ISO 8601; a date alone means midnight UTC. */
export function parseNow(text: string): Date {
  const t = text.trim();
  // Date() rolls 2026-02-30 over to March; the calendar-day check does not.
  const d = ISO_8601.test(t) && isCalendarDay(t.slice(0, 10)) ? new Date(t.length === 10 ? `${t}T00:00:00Z` : t) : undefined;
  if (!d || Number.isNaN(d.getTime())) {
    throw new UsageError(`--now takes an ISO 8601 date-time such as 2026-11-20T12:00:00Z (or a date, 2026-11-20), not '${text}'.`);
  }
  return d;
}

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Write a store of faker-seeded sessions without serving',
  details: [
    'Without --reset an existing store is kept as it is (with any sessions created since); the seed options',
    'only shape a new store. The same --seed, --sessions and --now always write byte-identical files.',
    'Users, roles and accounts come from fixtures/; an account with seedShare 0 gets no sessions.',
    '--scenario adds named QA states with fixed ids (--scenario list shows them); same options, same bytes.',
  ].join('\n'),
  options: storeOptionSpecs,
  async run(values: OptionValues, positionals: string[]): Promise<number> {
    if (positionals.length > 0) throw new UsageError(`seed takes no arguments; got '${positionals.join(' ')}'. Use --db PATH for the file.`);
    const opts = readStoreOptions(values);
    const scenarios = await readScenarios(opts);
    if (scenarios === 'list') return printScenarioList();
    if (!opts.reset && existsSync(opts.file)) {
      const ignored = opts.seedingOptionsGiven.length > 0 ? ` (${opts.seedingOptionsGiven.join(', ')} not applied)` : '';
      const hint = scenarios.length > 0 ? ' A running mock takes a scenario at POST /__admin/scenarios/NAME.' : '';
      console.log(`${opts.file} already exists; kept it as it is${ignored}. Pass --reset to start again from the seed.${hint}`);
      return 0;
    }
    const [{ loadFixtures }, { seedStoreFile }] = await Promise.all([import('../store/fixtures.js'), import('../seed/open-or-seed.js')]);
    const fixtures = await loadFixtures();
    const result = await seedStoreFile({
      file: opts.file,
      fixtures,
      seed: opts.seed,
      sessions: opts.sessions,
      ...(opts.now ? { now: opts.now } : {}),
      ...(scenarios.length > 0 ? { scenarios } : {}),
    });
    const mb = (result.bytes / 1024 / 1024).toFixed(1);
    const withScenarios = result.scenarios.length > 0 ? ` ${scenarioSummary(result.scenarios)} ${result.sessions} sessions in all.` : '';
    console.log(
      `${opts.reset ? 'Reset' : 'Seeded'} ${opts.file}: ${result.meta.sessionCount} sessions, seed ${result.meta.seed}, now ${result.meta.now}` +
        `${result.meta.nowFixed ? '' : ' (the current time)'}, ${mb} MB in ${Math.round(result.ms)} ms.${withScenarios}`,
    );
    return 0;
  },
};
