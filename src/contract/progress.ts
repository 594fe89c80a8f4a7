import type { RunEvents } from './runner.js';

export interface ProgressOptions {
  readonly write: (text: string) => void;
  /**
   * A terminal gets failures as they come and one line rewritten in place; a CI log gets a line every
   * `every` cases, since the failures are listed in full at the end.
   */
  readonly tty: boolean;
  /** One line per case. */
  readonly verbose: boolean;
  readonly every?: number;
}

/** Progress while the run goes: quiet on CI, one live line on a terminal, everything with --verbose. */
export function progressPrinter(options: ProgressOptions): RunEvents {
  const every = options.every ?? 50;
  const counts = { pass: 0, fail: 0, skip: 0 };
  let live = false;
  const clear = () => {
    if (live) options.write('\r\x1b[2K');
    live = false;
  };
  return {
    onStart(total) {
      options.write(`running ${total} cases\n`);
    },
    onCase(result, index, total) {
      counts[result.outcome.status]++;
      const failed = result.outcome.checks.filter((c) => !c.ok);
      const tally = `${counts.pass} pass, ${counts.fail} fail, ${counts.skip} skip`;
      if (options.verbose) {
        const why = result.outcome.status === 'fail' ? ` [${failed.map((c) => c.check).join(',')}]` : result.outcome.status === 'skip' ? ` (${result.outcome.skipReason ?? ''})` : '';
        options.write(`${result.outcome.status.toUpperCase().padEnd(4)} ${result.id}${why} ${Math.round(result.durationMs)} ms\n`);
        return;
      }
      if (result.outcome.status === 'fail' && options.tty) {
        clear();
        options.write(`FAIL ${result.id} [${failed.map((c) => c.check).join(',')}] ${failed[0]?.message ?? ''}\n`);
      }
      if (options.tty) {
        clear();
        options.write(`[${String(index + 1).padStart(String(total).length)}/${total}] ${tally}  ${result.operationId}.${result.format}`);
        live = true;
        if (index + 1 === total) clear();
      } else if ((index + 1) % every === 0 || index + 1 === total) {
        options.write(`${index + 1}/${total} cases: ${tally}\n`);
      }
    },
  };
}
