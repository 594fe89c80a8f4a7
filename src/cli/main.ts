#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { commands } from './commands.js';
import { UsageError } from '../options/usage-error.js';
import { helpFor, parseCommandArgs } from './command.js';

/**
 * A long-running mock should stay near its live size rather than let V8 grow the old generation up to
 * 4x what survived each full GC, which on a roomy machine reads as a memory leak to whoever watches
 * it. A lower growth factor is not a cap (the heap still grows as the data needs) and costs a little
 * throughput in more frequent full GCs; the bench's memory row records the trade. Set at run time so
 * every way of starting `serve` gets it, and only when the node command line does not set its own.
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
  const cmd = entry;
  try {
    const parsed = parseCommandArgs(cmd, rest, { env: process.env, cwd: process.cwd() });
    if (parsed.help) {
      console.log(helpFor(cmd));
      return 0;
    }
    if (parsed.printConfig) {
      const { printConfig } = await import('./print-config.js');
      console.log(printConfig(cmd, parsed));
      return 0;
    }
    return await cmd.run(parsed.settings, parsed.given, parsed.positionals);
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
