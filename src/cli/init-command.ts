import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { configTemplate } from '../options/config-template.js';
import type { InitSettings } from '../options/init-options.js';
import { UsageError } from '../options/usage-error.js';
import { packageRoot } from '../spec/package-root.js';

export const CONFIG_SCHEMA_FILE = 'evo-mock.config.schema.json';

/** `evo-mock init`: writes a commented starting config whose $schema points at the schema this package ships. */
export async function runInit(settings: InitSettings): Promise<number> {
  const target = resolve(process.cwd(), settings.config);
  if (existsSync(target) && !settings.force) {
    throw new UsageError(`${settings.config} exists; edit it, or pass --force to replace it with a fresh one.`);
  }
  const schema = relative(dirname(target), join(packageRoot(), CONFIG_SCHEMA_FILE)).split(sep).join('/');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, configTemplate(schema.startsWith('.') ? schema : `./${schema}`), 'utf8');
  console.log(`Wrote ${settings.config}: every option is listed with its help and environment variable; the common ones are set.`);
  console.log(`Check what applies with: npx evo-mock serve${settings.config === 'evo-mock.config.json' ? '' : ` --config ${settings.config}`} --print-config`);
  return 0;
}
