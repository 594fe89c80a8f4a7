import { parseArgs } from 'node:util';
import { fileSection, loadConfigFile, type ConfigFile, type ConfigSection } from '../options/config-file.js';
import { defaultShown, type OptionSet, type RawValue, type SettingsOf } from '../options/option-model.js';
import { layerSettings, type Origin } from '../options/settings-sources.js';
import { UsageError } from '../options/usage-error.js';

/** A subcommand: its words and options are described here; what it does is loaded when it runs. */
export interface Command<O extends OptionSet = OptionSet> {
  readonly name: string;
  readonly summary: string;
  /** Extra paragraphs printed after the options in `--help`. */
  readonly details?: string;
  readonly options: O;
  /** The part of evo-mock.config.json it reads ('none': it reads no config file, as `init` writes one). */
  readonly configSection: ConfigSection | 'none';
  /** Resolves to the process exit code. `given` holds the keys set by a flag, a variable or the config file. */
  run(settings: SettingsOf<O>, given: ReadonlySet<string>, positionals: readonly string[]): Promise<number>;
}

/** Checks a command against its own option set, then lets it sit in a list of commands with other sets. */
export function defineCommand<O extends OptionSet>(command: Command<O>): Command {
  return command as unknown as Command;
}

export function helpFor(cmd: Command): string {
  const lines = [`Usage: evo-mock ${cmd.name} [options]`, '', cmd.summary, '', 'Options:'];
  const rows = Object.values(cmd.options).map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.flag}${o.takes === 'value' ? ` ${o.placeholder ?? 'VALUE'}` : ''}`;
    const shown = defaultShown(o);
    return [flag, `${o.help}${shown !== undefined ? ` (default: ${shown})` : ''}`] as const;
  });
  if (cmd.configSection !== 'none') {
    rows.push(['    --config PATH', `Read options from this file (default: ./evo-mock.config.json when there is one). Precedence: flags, then EVO_MOCK_* variables, then the file, then defaults.`]);
    rows.push(['    --print-config', 'Print every option, its value and where it came from, and exit.']);
  }
  rows.push(['    --help', 'Show this help.']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`);
  if (cmd.details) lines.push('', cmd.details);
  return lines.join('\n');
}

export interface ParsedCommandLine<O extends OptionSet> {
  readonly settings: SettingsOf<O>;
  readonly given: ReadonlySet<string>;
  readonly origins: Readonly<Record<string, Origin>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly printConfig: boolean;
  /** The --config path given, or undefined. */
  readonly configPath?: string;
  /** The config file read, if any. */
  readonly configFile?: ConfigFile;
}

/** What the command line is read against: the environment, and the folder a config file is looked for in. */
export interface CommandContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Undefined: no evo-mock.config.json is looked for (only --config is read). */
  readonly cwd?: string;
}

export function parseCommandArgs<O extends OptionSet>(cmd: Command<O>, argv: readonly string[], context: CommandContext = { env: {} }): ParsedCommandLine<O> {
  const reads = cmd.configSection !== 'none';
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
    ...(reads ? { config: { type: 'string' }, 'print-config': { type: 'boolean' } } : {}),
  };
  for (const o of Object.values(cmd.options)) {
    options[o.flag] = { type: o.takes === 'flag' ? 'boolean' : 'string', ...(o.short ? { short: o.short } : {}), ...(o.repeatable ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const all = parsed.values as Record<string, RawValue | undefined>;
  const { help = false, ...values } = all;
  const printConfig = reads ? values['print-config'] : false;
  const configPath = reads && typeof values['config'] === 'string' ? values['config'] : undefined;
  if (reads) {
    delete values['config'];
    delete values['print-config'];
  }
  if (help === true) return { settings: {} as SettingsOf<O>, given: new Set(), origins: {}, positionals: parsed.positionals, help: true, printConfig: false };
  const file = !reads || (configPath === undefined && context.cwd === undefined) ? undefined : loadConfigFile(configPath, context.cwd ?? process.cwd());
  const section = cmd.configSection === 'none' ? undefined : fileSection(file, cmd.configSection);
  const { settings, given, origins } = layerSettings(cmd.options, { argv: values, env: context.env, ...(section ? { file: section } : {}) });
  return {
    settings,
    given,
    origins,
    positionals: parsed.positionals,
    help: false,
    printConfig: printConfig === true,
    ...(configPath !== undefined ? { configPath } : {}),
    ...(file ? { configFile: file } : {}),
  };
}

export function noArguments(cmd: string, positionals: readonly string[], hint = ''): void {
  if (positionals.length > 0) throw new UsageError(`${cmd} takes no arguments; got '${positionals.join(' ')}'.${hint}`);
}
