import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonc } from './jsonc.js';
import { contractOptions } from './contract-options.js';
import { generateOptions } from './generate-options.js';
import { serveOptions } from './mock-options.js';
import type { OptionSet } from './option-model.js';
import type { FileSection } from './settings-sources.js';
import { UsageError } from './usage-error.js';

/** Looked for in the working directory when --config is not given. */
export const CONFIG_FILE_NAME = 'evo-mock.config.json';

/**
 * Which part of the config file a command reads: serve and seed share the top level (the mock's
 * options; seed reads the store's among them), contract and generate have a section each, because
 * some of their options share a name with the mock's (contract's --seed is not the store's).
 */
export type ConfigSection = 'mock' | 'contract' | 'generate';

export interface ConfigFile {
  readonly path: string;
  readonly mock: Readonly<Record<string, unknown>>;
  readonly contract: Readonly<Record<string, unknown>>;
  readonly generate: Readonly<Record<string, unknown>>;
}

/** The option sets the file's parts hold: serve's (which include seed's), contract's and generate's. */
export interface ConfigShape {
  readonly mock: OptionSet;
  readonly contract: OptionSet;
  readonly generate: OptionSet;
}

export const CONFIG_SHAPE: ConfigShape = { mock: serveOptions, contract: contractOptions, generate: generateOptions };

/**
 * Reads --config PATH, or evo-mock.config.json in `cwd` when there is one. JSON with comments and
 * trailing commas (as `evo-mock init` writes it). Every key must be an option of its part, in camelCase.
 */
export function loadConfigFile(explicit: string | undefined, cwd: string, shape: ConfigShape = CONFIG_SHAPE): ConfigFile | undefined {
  const path = resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (explicit === undefined) return undefined;
    throw new UsageError(`--config ${explicit}: no such file. Write a starting one with 'evo-mock init --config ${explicit}'.`);
  }
  const shown = explicit ?? CONFIG_FILE_NAME;
  let value: unknown;
  try {
    value = parseJsonc(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`${shown} is not valid JSON: ${err instanceof Error ? err.message : String(err)}. Comments (//) and trailing commas are allowed; everything else is JSON.`);
  }
  if (!isObject(value)) throw new UsageError(`${shown} must hold a JSON object whose keys are options, e.g. {"port": 4020, "sessions": 30}.`);
  const { $schema: _schema, contract = {}, generate = {}, ...mock } = value;
  if (!isObject(contract)) throw new UsageError(`${shown}: "contract" is an object of contract options, e.g. {"target": "http://127.0.0.1:4010"}.`);
  if (!isObject(generate)) throw new UsageError(`${shown}: "generate" is an object of generate options.`);
  checkKeys(shown, '', mock, shape.mock, ['contract', 'generate']);
  checkKeys(shown, 'contract.', contract, shape.contract, []);
  checkKeys(shown, 'generate.', generate, shape.generate, []);
  return { path: shown, mock, contract, generate };
}

export function fileSection(file: ConfigFile | undefined, section: ConfigSection): FileSection | undefined {
  if (!file) return undefined;
  return { path: file.path, prefix: section === 'mock' ? '' : `${section}.`, values: file[section] };
}

function checkKeys(file: string, prefix: string, values: Record<string, unknown>, set: OptionSet, sections: readonly string[]): void {
  const keys = Object.keys(set);
  for (const key of Object.keys(values)) {
    if (keys.includes(key)) continue;
    const byFlag = Object.values(set).find((o) => o.flag === key || o.env === key);
    const near = byFlag?.key ?? keys.find((k) => k.toLowerCase() === key.toLowerCase()) ?? closest(key, keys);
    const hint = near ? ` Did you mean "${prefix}${near}"?` : '';
    const known = [...keys, ...sections].join(', ');
    throw new UsageError(`${file}: unknown option "${prefix}${key}".${hint} Keys are the options in camelCase: ${known}.`);
  }
}

/** The known key one or two edits away, if exactly one is. */
function closest(key: string, keys: readonly string[]): string | undefined {
  const near = keys.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
