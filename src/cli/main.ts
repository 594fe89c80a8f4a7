#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { commands } from './commands.js';
import { helpFor, parseCommandArgs, UsageError } from './command.js';

/**
 * A long-running mock keeps its heap near its live size: after each full GC, V8 lets the old
 * generation grow to only 1.6x what survived (heap_growing_percent), rather than up to 4x, which on a
 * machine with a lot of memory let 10 000 sessions (about 30 MB live) sit at 210-220 MB resident under
 * load. It is not a cap: the heap still grows as far as the data needs (50 000 sessions are fine). The
 * price is more frequent full GCs: 50 gave ~137 MB but GET /sessions/{id} ~3% slower than 60 (~140 MB);
 * 75 gave ~146 MB. Set here rather than in the shebang and the npm scripts so that every way of
 * starting `serve` (npm start, npx evo-mock, node dist/src/cli/main.js, the benchmark, the tests) gets
 * it; V8 reads it at each GC, so setting it at run time takes effect. An explicit
 * --heap-growing-percent on the node command line wins.
 */
const SERVE_HEAP_GROWING_PERCENT = 60;
if (process.argv[2] === 'serve' && !process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'))) {
  setFlagsFromString(`--heap-growing-percent=${SERVE_HEAP_GROWING_PERCENT}`);
}

function topHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 2;
  return [
    'Usage: evo-mock <command> [options]',
    '',
    'A mock and contract-testing server for the Evo Voice Sessions API (ServiceStack).',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    '',
    "Run 'evo-mock <command> --help' for a command's options.",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(topHelp());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (!entry) {
    console.error(`evo-mock: unknown command '${name}'. Run 'evo-mock --help' to see the commands.`);
    return 2;
  }
  const cmd = await entry.load();
  try {
    const { values, positionals, help } = parseCommandArgs(cmd, rest);
    if (help) {
      console.log(helpFor(cmd));
      return 0;
    }
    return await cmd.run(values, positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`evo-mock ${cmd.name}: ${err.message}\nRun 'evo-mock ${cmd.name} --help' for the options.`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`evo-mock: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
