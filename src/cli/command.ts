import { parseArgs } from 'node:util';
import { defaultShown, readSettings, type OptionSet, type RawValue, type SettingsOf } from '../options/option-model.js';
import { UsageError } from '../options/usage-error.js';

/** A subcommand: its words and options are described here; what it does is loaded when it runs. */
export interface Command<O extends OptionSet = OptionSet> {
  readonly name: string;
  readonly summary: string;
  /** Extra paragraphs printed after the options in `--help`. */
  readonly details?: string;
  readonly options: O;
  /** Resolves to the process exit code. `given` holds the keys typed on the command line. */
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
  rows.push(['    --help', 'Show this help.']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`);
  if (cmd.details) lines.push('', cmd.details);
  return lines.join('\n');
}

export interface ParsedCommandLine<O extends OptionSet> {
  readonly settings: SettingsOf<O>;
  readonly given: ReadonlySet<string>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

export function parseCommandArgs<O extends OptionSet>(cmd: Command<O>, argv: readonly string[]): ParsedCommandLine<O> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
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
  const help = parsed.values['help'] === true;
  const { settings, given } = readSettings(cmd.options, parsed.values as Record<string, RawValue | undefined>);
  return { settings, given, positionals: parsed.positionals, help };
}

export function noArguments(cmd: string, positionals: readonly string[], hint = ''): void {
  if (positionals.length > 0) throw new UsageError(`${cmd} takes no arguments; got '${positionals.join(' ')}'.${hint}`);
}
