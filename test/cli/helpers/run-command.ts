import { parseCommandArgs } from '../../../src/cli/command.js';
import { commands } from '../../../src/cli/commands.js';

/** Runs a command in this process, as main.ts would, capturing what it prints to stdout. */
export async function runCommand(name: string, args: readonly string[]): Promise<{ code: number; out: string }> {
  const command = commands[name];
  if (!command) throw new Error(`no command ${name}`);
  const { settings, given, positionals } = parseCommandArgs(command, args);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    return { code: await command.run(settings, given, positionals), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}
