import { UsageError } from './usage-error.js';

/**
 * The options model: every option of every command is described once, here and in the files beside
 * this one (name, how it is written, default, help, environment variable), and the command line,
 * `--help`, the README's tables and the library's settings are all derived from that description.
 * An option's key is its camelCase name (the library's and a config file's spelling); its flag and
 * environment variable are derived from the key, so they cannot drift apart.
 */

/** A value as a source hands it over: argv gives strings, booleans or repeated strings. */
export type RawValue = string | boolean | readonly string[];

export interface OptionSpec<T> {
  /** How the command line carries it: a flag alone, or a flag with a value. */
  readonly takes: 'flag' | 'value';
  /** The value may be repeated (each occurrence is kept). */
  readonly repeatable?: boolean;
  readonly short?: string;
  /** The value's placeholder in help, e.g. PATH, N, URL. */
  readonly placeholder?: string;
  readonly help: string;
  readonly default: T;
  /** The default in words, where the value does not say it (e.g. 'the current time'). */
  readonly defaultText?: string;
  /** Reads a given value; a wrong one is a UsageError that names the flag and says what to give. */
  read(raw: RawValue, flag: string): T;
  /** The value as a config file holds it, for the file's JSON Schema (editors complete and check it). */
  readonly schema: JsonSchema;
  /** The environment variable, where the derived EVO_MOCK_<PREFIX><FLAG> would not do (EVO_MOCK_USER). */
  readonly env?: string;
  /**
   * Options that only mean something together (user and password, or bearer) share a group: they are
   * all taken from the first source that gives any of them, never mixed from two.
   */
  readonly group?: string;
}

/** A JSON Schema fragment. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface Option<T> extends OptionSpec<T> {
  /** camelCase: `bodyLimit`. */
  readonly key: string;
  /** As typed on the command line, without dashes: `body-limit`. */
  readonly flag: string;
  /** `EVO_MOCK_BODY_LIMIT`. */
  readonly env: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec<unknown>>>;
export type OptionSet = Readonly<Record<string, Option<unknown>>>;
export type Named<S extends OptionSpecs> = { readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? Option<T> : never };
/** The settings an option set describes, every one filled (given or default). */
export type SettingsOf<O> = { readonly [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

/** bodyLimit -> body-limit, empty401 -> empty-401. */
export function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/([a-z])(\d)/g, '$1-$2');
}

/** body-limit -> EVO_MOCK_BODY_LIMIT; with the contract's prefix, seed -> EVO_MOCK_CONTRACT_SEED. */
export function envOf(flag: string, prefix = ''): string {
  return `EVO_MOCK_${prefix}${flag.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Names each option after its key. `envPrefix` keeps a command's variables apart from the mock's where
 * the names would meet (the contract's --seed is EVO_MOCK_CONTRACT_SEED, the store's EVO_MOCK_SEED).
 */
export function defineOptions<S extends OptionSpecs>(specs: S, envPrefix = ''): Named<S> {
  const set: Record<string, Option<unknown>> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const flag = flagOf(key);
    set[key] = { ...spec, key, flag, env: spec.env ?? envOf(flag, envPrefix) };
  }
  return set as Named<S>;
}

/** The default of each option: what a library caller gets for what it leaves out. */
export function defaultsOf<O extends OptionSet>(set: O): SettingsOf<O> {
  const out: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(set)) out[key] = o.default;
  return out as SettingsOf<O>;
}

export interface ReadSettings<O extends OptionSet> {
  readonly settings: SettingsOf<O>;
  /** The keys that were given rather than defaulted. */
  readonly given: ReadonlySet<keyof O & string>;
}

/** Reads values keyed by flag (as node's parseArgs returns them); the rest take their defaults. */
export function readSettings<O extends OptionSet>(set: O, raw: Readonly<Record<string, RawValue | undefined>>): ReadSettings<O> {
  const out: Record<string, unknown> = {};
  const given = new Set<keyof O & string>();
  for (const [key, o] of Object.entries(set) as [keyof O & string, Option<unknown>][]) {
    const value = raw[o.flag];
    if (value === undefined) out[key] = o.default;
    else {
      out[key] = o.read(value, `--${o.flag}`);
      given.add(key);
    }
  }
  return { settings: out as SettingsOf<O>, given };
}

/** The default as help and the README show it; undefined when there is nothing to show. */
export function defaultShown(o: Option<unknown>): string | undefined {
  if (o.defaultText !== undefined) return o.defaultText;
  const d = o.default;
  if (d === undefined || d === false || (Array.isArray(d) && d.length === 0)) return undefined;
  return Array.isArray(d) ? d.join(',') : String(d);
}

function lastText(raw: RawValue, flag: string): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') throw new UsageError(`${flag} needs a value.`);
  const last = raw[raw.length - 1];
  if (last === undefined) throw new UsageError(`${flag} needs a value.`);
  return last;
}

type Described = Pick<OptionSpec<unknown>, 'short' | 'placeholder' | 'help' | 'defaultText' | 'env' | 'group'>;

/** A whole number between min and max. */
export function integer(o: Described & { readonly default: number; readonly min: number; readonly max: number }): OptionSpec<number>;
export function integer(o: Described & { readonly default?: undefined; readonly min: number; readonly max: number }): OptionSpec<number | undefined>;
export function integer(o: Described & { readonly default?: number; readonly min: number; readonly max: number }): OptionSpec<number | undefined> {
  return {
    ...o,
    takes: 'value',
    default: o.default,
    schema: { type: 'integer', minimum: o.min, maximum: o.max },
    read(raw, flag) {
      const text = lastText(raw, flag).trim();
      if (!/^-?\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, not '${text}'.`);
      const n = Number(text);
      if (n < o.min || n > o.max) throw new UsageError(`${flag} must be between ${o.min} and ${o.max}; got ${n}.`);
      return n;
    },
  };
}

/** Free text; `check` refuses what cannot be right, with a message that says what to give. */
export function text(o: Described & { readonly default: string; readonly check?: (value: string, flag: string) => void }): OptionSpec<string>;
export function text(o: Described & { readonly default?: undefined; readonly check?: (value: string, flag: string) => void }): OptionSpec<string | undefined>;
export function text(o: Described & { readonly default?: string; readonly check?: (value: string, flag: string) => void }): OptionSpec<string | undefined> {
  const { check, ...described } = o;
  return {
    ...described,
    takes: 'value',
    default: o.default,
    schema: { type: 'string' },
    read(raw, flag) {
      const value = lastText(raw, flag);
      check?.(value, flag);
      return value;
    },
  };
}

/** On when given. From text (an environment variable, a config file) true/false, 1/0, yes/no, on/off. */
export function flag(o: Pick<Described, 'short' | 'help'>): OptionSpec<boolean> {
  return {
    ...o,
    takes: 'flag',
    default: false,
    schema: { type: 'boolean' },
    read(raw, flagName) {
      if (typeof raw === 'boolean') return raw;
      const value = lastText(raw, flagName).trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off', ''].includes(value)) return false;
      throw new UsageError(`${flagName} is on or off (true or false), not '${value}'.`);
    },
  };
}

/**
 * A value read by `parse`, which throws a UsageError for what it cannot read. In a config file it is the
 * same text (schema: a string), unless `schema` says more (a list of formats may be an array).
 */
export function custom<T>(o: Described & { readonly default: T; readonly repeatable?: boolean; readonly schema?: JsonSchema; parse(text: string, flag: string): T }): OptionSpec<T> {
  const { parse, schema, ...described } = o;
  return { ...described, takes: 'value', schema: schema ?? { type: 'string' }, read: (raw, flagName) => parse(lastText(raw, flagName), flagName) };
}

/** Every value given, in order (the option may be repeated); the reader of the setting splits them. */
export function list(o: Described): OptionSpec<readonly string[]> {
  return {
    ...o,
    takes: 'value',
    repeatable: true,
    default: [],
    schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    read: (raw, flagName) => {
      if (typeof raw === 'boolean') throw new UsageError(`${flagName} needs a value.`);
      return (typeof raw === 'string' ? [raw] : raw).map(String);
    },
  };
}
