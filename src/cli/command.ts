import { parseArgs } from 'node:util';

/** One option of a subcommand; `--help` is generated from these, so every option is explained. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Shown in help; the command applies its own defaults. */
  readonly default?: string;
  readonly short?: string;
  /** The value's placeholder in help, e.g. PATH, N, URL. */
  readonly value?: string;
  readonly multiple?: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Extra paragraphs printed after the options in `--help`. */
  readonly details?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Resolves to the process exit code. */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** Wrong words on the command line: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function helpFor(cmd: Command): string {
  const lines = [`Usage: evo-mock ${cmd.name} [options]`, '', cmd.summary, '', 'Options:'];
  const rows = Object.entries(cmd.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const def = o.default !== undefined ? ` (default: ${o.default})` : '';
    return [flag, `${o.description}${def}`] as const;
  });
  rows.push(['    --help', 'Show this help.']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`);
  if (cmd.details) lines.push('', cmd.details);
  return lines.join('\n');
}

export function parseCommandArgs(cmd: Command, argv: string[]): { values: OptionValues; positionals: string[]; help: boolean } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(cmd.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals, help: values['help'] === true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'), cmd.name);
  }
}

/** Reads an integer option, with a message that names the option and the allowed range. */
export function intOption(values: OptionValues, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const text = String(raw);
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} takes a whole number, not '${text}'.`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}; got ${n}.`);
  return n;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}
