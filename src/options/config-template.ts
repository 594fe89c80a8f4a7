import { defaultShown, type Option, type OptionSet } from './option-model.js';
import { CONFIG_SHAPE, type ConfigShape } from './config-file.js';

/** Written as values (the rest are listed, commented out, with their defaults). */
const ACTIVE_MOCK = ['port', 'db', 'seed', 'sessions'];
const ACTIVE_CONTRACT = ['target', 'formats'];

/**
 * What `evo-mock init` writes: a config file that explains itself. Every option is there with its help
 * and environment variable; the common ones have values, the rest are commented out at their defaults,
 * ready to switch on. Comments are allowed in this file (it is read as JSON with comments).
 */
export function configTemplate(schemaRef: string, shape: ConfigShape = CONFIG_SHAPE): string {
  const lines = [
    '// evo-mock configuration. Keys are the command-line options in camelCase (--body-limit is "bodyLimit").',
    '// What applies: command-line flags, then EVO_MOCK_* environment variables, then this file, then defaults;',
    "// 'npx evo-mock serve --print-config' shows each value and where it came from.",
    '{',
    `  "$schema": ${JSON.stringify(schemaRef)},`,
    '',
    '  // evo-mock serve and evo-mock seed',
    ...entries(shape.mock, ACTIVE_MOCK, '  ', true),
    '',
    '  // evo-mock contract (credentials: EVO_MOCK_USER / EVO_MOCK_PASSWORD / EVO_MOCK_BEARER, kept out of this file)',
    '  "contract": {',
    ...entries(withoutSecrets(shape.contract), ACTIVE_CONTRACT, '    ', false, { target: 'http://127.0.0.1:4010' }),
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}

function withoutSecrets(set: OptionSet): Option<unknown>[] {
  return Object.values(set).filter((o) => !['user', 'password', 'bearer'].includes(o.key));
}

/**
 * The commented-out options come first and the set ones last, so that uncommenting any line (each ends
 * with a comma) still leaves plain JSON: only the very last set entry lacks its comma.
 */
function entries(set: OptionSet | Option<unknown>[], active: readonly string[], indent: string, moreFollows: boolean, values: Record<string, unknown> = {}): string[] {
  const options = Array.isArray(set) ? set : Object.values(set);
  const on = options.filter((o) => active.includes(o.key));
  const off = options.filter((o) => !active.includes(o.key));
  const out: string[] = [];
  for (const o of off) out.push(`${indent}// ${o.help} (${o.env})`, `${indent}// ${JSON.stringify(o.key)}: ${exampleOf(o)},`);
  on.forEach((o, i) => {
    const value = values[o.key] ?? o.default;
    const comma = i < on.length - 1 || moreFollows ? ',' : '';
    out.push(`${indent}// ${o.help} (${o.env})`, `${indent}${JSON.stringify(o.key)}: ${JSON.stringify(value)}${comma}`);
  });
  return out;
}

/** A value worth uncommenting for options whose default is nothing (their placeholder is not a value). */
const EXAMPLES: Readonly<Record<string, unknown>> = {
  ISO: '2026-11-20T12:00:00Z',
  N: 42,
  'N|P%': '10%',
  DELAY: '50-300',
  DURATION: '30m',
  TOKEN: 'change-me',
  PATH: 'reports/out',
  'NAME[,NAME...]': 'missed-call',
};

function exampleOf(o: Option<unknown>): string {
  if (o.takes === 'flag') return 'true';
  const d = o.default;
  if (d instanceof Date) return JSON.stringify(d.toISOString());
  if (d !== undefined && !(Array.isArray(d) && d.length === 0)) return JSON.stringify(d);
  const example = EXAMPLES[o.placeholder ?? ''];
  return JSON.stringify(example ?? defaultShown(o) ?? '');
}
