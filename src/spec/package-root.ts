import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The evo-mock package folder, found from this module's own location so that it works from src/
 * (run through tsx), from dist/src/ (built) and from an installed node_modules/evo-mock.
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (pkg.name === 'evo-mock') return dir;
      } catch {
        // Not a readable manifest: keep climbing.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the evo-mock package folder above ${from}; is the package installed whole?`);
    dir = parent;
  }
}

/** The package's version, as its manifest says (the X-Powered-By header and the CLI report it). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
