import type { Option, OptionSet, RawValue, SettingsOf } from './option-model.js';
import { UsageError } from './usage-error.js';

/** Where a setting came from, as --print-config shows it: a flag, a variable, the config file, or the default. */
export interface Origin {
  readonly kind: 'flag' | 'env' | 'file' | 'default';
  /** --port, EVO_MOCK_PORT, evo-mock.config.json: port; '' for a default. */
  readonly name: string;
}

/** A part of a config file: its values by option key, and how to name a key in messages. */
export interface FileSection {
  readonly path: string;
  /** `contract.` for the contract's part; '' at the top. */
  readonly prefix: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface SettingsSources {
  /** The command line, keyed by flag as parseArgs returns it. */
  readonly argv: Readonly<Record<string, RawValue | undefined>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly file?: FileSection;
}

export interface LayeredSettings<O extends OptionSet> {
  readonly settings: SettingsOf<O>;
  /** The keys a flag, a variable or the file set, rather than the default. */
  readonly given: ReadonlySet<keyof O & string>;
  readonly origins: Readonly<Record<keyof O & string, Origin>>;
}

type Found = { readonly origin: Origin; readonly raw: RawValue };
type SourceKind = 'flag' | 'env' | 'file';
const SOURCES: readonly SourceKind[] = ['flag', 'env', 'file'];

/**
 * Every option's value from the first source that has it: flags, then EVO_MOCK_* variables, then the
 * config file, then the default. The text of every source goes through the option's own reader, so a
 * wrong value names where it came from (--port, EVO_MOCK_PORT or evo-mock.config.json: port). Options of
 * one group (user, password, bearer) all come from the first source that gives any of them.
 */
export function layerSettings<O extends OptionSet>(set: O, sources: SettingsSources): LayeredSettings<O> {
  const options = Object.values(set) as Option<unknown>[];
  const sourceOf = new Map<string, SourceKind>();
  for (const o of options) {
    if (!o.group || sourceOf.has(o.group)) continue;
    const members = options.filter((m) => m.group === o.group);
    const first = SOURCES.find((kind) => members.some((m) => findIn(kind, m, sources) !== undefined));
    if (first) sourceOf.set(o.group, first);
  }
  const settings: Record<string, unknown> = {};
  const origins: Record<string, Origin> = {};
  const given = new Set<keyof O & string>();
  for (const o of options) {
    const grouped = o.group === undefined ? undefined : sourceOf.get(o.group);
    const kinds: readonly SourceKind[] = o.group === undefined ? SOURCES : grouped ? [grouped] : [];
    let found: Found | undefined;
    for (const kind of kinds) if ((found = findIn(kind, o, sources))) break;
    if (found) {
      settings[o.key] = o.read(found.raw, found.origin.name);
      origins[o.key] = found.origin;
      given.add(o.key as keyof O & string);
    } else {
      settings[o.key] = o.default;
      origins[o.key] = { kind: 'default', name: '' };
    }
  }
  return { settings: settings as SettingsOf<O>, given, origins: origins as Record<keyof O & string, Origin> };
}

function findIn(kind: SourceKind, o: Option<unknown>, sources: SettingsSources): Found | undefined {
  if (kind === 'flag') {
    const raw = sources.argv[o.flag];
    return raw === undefined ? undefined : { origin: { kind, name: `--${o.flag}` }, raw };
  }
  if (kind === 'env') {
    const raw = sources.env[o.env];
    // An empty variable is an unset one: `EVO_MOCK_PORT= npm start` should not be an error.
    return raw === undefined || raw === '' ? undefined : { origin: { kind, name: o.env }, raw };
  }
  const file = sources.file;
  if (!file || !Object.hasOwn(file.values, o.key)) return undefined;
  const name = `${file.path}: ${file.prefix}${o.key}`;
  return { origin: { kind, name }, raw: rawValueOf(o, file.values[o.key], name) };
}

/**
 * A typed value (from a config file or the library) as the command line would carry it, for the
 * option's reader: numbers as their digits, a Date as ISO text, a list as its items (joined with commas
 * where the option reads one comma-separated value). Anything else is refused with what to give.
 */
export function rawValueOf(o: Option<unknown>, value: unknown, name: string): RawValue {
  if (o.takes === 'flag') {
    if (typeof value === 'boolean') return value;
    throw new UsageError(`${name} is true or false, not ${JSON.stringify(value)}.`);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    const items = value.map(String);
    return o.repeatable ? items : items.join(',');
  }
  throw new UsageError(`${name} takes ${o.placeholder ?? 'a value'} (${o.help.replace(/\.$/, '')}), not ${JSON.stringify(value)}.`);
}
