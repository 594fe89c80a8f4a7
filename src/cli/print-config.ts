import type { Option, OptionSet } from '../options/option-model.js';
import { defaultShown } from '../options/option-model.js';
import type { Origin } from '../options/settings-sources.js';
import type { Command, ParsedCommandLine } from './command.js';

/** Values never printed: they are secrets in CI logs. */
const SECRET_KEYS = new Set(['password', 'bearer', 'adminToken']);

/**
 * `--print-config`: every option of the command, the value it takes and where that came from, in the
 * order of precedence the reader applies (flags, EVO_MOCK_* variables, the config file, defaults).
 */
export function printConfig(cmd: Command, parsed: ParsedCommandLine<OptionSet>): string {
  const rows = (Object.values(cmd.options) as Option<unknown>[]).map((o) => {
    const origin: Origin = parsed.origins[o.key] ?? { kind: 'default', name: '' };
    const value = (parsed.settings as Record<string, unknown>)[o.key];
    const shown = SECRET_KEYS.has(o.key) && value !== undefined ? '(set, not shown)' : origin.kind === 'default' ? (defaultShown(o) ?? '-') : describe(value);
    return [o.key, shown, origin.kind === 'default' ? 'default' : origin.name] as const;
  });
  const w0 = Math.max(...rows.map((r) => r[0].length)) + 2;
  const w1 = Math.min(48, Math.max(...rows.map((r) => r[1].length)) + 2);
  const file = parsed.configFile ? parsed.configFile.path : 'none (no evo-mock.config.json here; --config PATH reads one)';
  return [
    `evo-mock ${cmd.name}: what applies (flags, then EVO_MOCK_* variables, then the config file, then defaults)`,
    `config file: ${file}`,
    '',
    ...rows.map(([k, v, from]) => `  ${k.padEnd(w0)}${v.padEnd(w1)}${from}`.trimEnd()),
  ].join('\n');
}

function describe(value: unknown): string {
  if (value === undefined) return '-';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
