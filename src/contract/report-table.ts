import { describeSightings, type RootCause } from './root-causes.js';
import type { CaseResult, RunReport } from './run-report.js';
import { countByStatus } from './run-report.js';

/** Cases named per root cause on a terminal; the JSON and JUnit reports list them all. */
const SIGHTINGS_SHOWN = 6;

/** operation x format with pass/fail/skip counts, the way a reader scans for the red cell. */
export function summaryTable(report: RunReport): string {
  const columns = [...report.formats, ...(report.results.some((r) => r.format === 'all') ? ['all' as const] : [])];
  const ops = [...new Set(report.results.map((r) => r.operationId))];
  const cell = (op: string, format: string) => {
    const c = countByStatus(report.results.filter((r) => r.operationId === op && r.format === format));
    if (c.pass + c.fail + c.skip === 0) return '-';
    return `${c.pass} pass${c.fail ? ` ${c.fail} FAIL` : ''}${c.skip ? ` ${c.skip} skip` : ''}`;
  };
  const rows = [['operation', ...columns.map((c) => c.toUpperCase())], ...ops.map((op) => [op, ...columns.map((f) => cell(op, f))])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * One entry per root cause, not per case: the defect, every case it showed in, and what the first of
 * them sent (with a property's replay details), so one missing member is one thing to read.
 */
export function failureList(causes: readonly RootCause[]): string {
  return causes
    .map((cause, i) => {
      const cases = cause.seen.length;
      const lines = [`FAIL ${i + 1}. [${cause.check}] ${cause.cause}`, `  seen in ${cases} case${cases === 1 ? '' : 's'}: ${describeSightings(cause.seen, SIGHTINGS_SHOWN)}`];
      if (cause.example) lines.push(`  first: ${cause.example}`);
      for (const d of cause.details ?? []) lines.push(`  ${d}`);
      for (const q of cause.requests) lines.push(`  sent: ${q}`);
      return lines.join('\n');
    })
    .join('\n');
}

export function closingLines(report: RunReport): string {
  const c = countByStatus(report.results);
  const causes = report.rootCauses.length;
  const grouped = causes > 0 ? ` (${causes} root cause${causes === 1 ? '' : 's'})` : '';
  const lines = [`${c.pass} passed, ${c.fail} failed${grouped}, ${c.skip} skipped in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed})`];
  const byCheck = failingChecks(report.results);
  if (byCheck.length) lines.push(`failing checks (cases): ${byCheck.map(([check, n]) => `${check} ${n}`).join(', ')}`);
  if (report.verdict.tooManySkipped) lines.push(`FAILED: ${report.verdict.tooManySkipped}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  if (report.cleanup) {
    const { removed, left } = report.cleanup;
    lines.push(`removed from ${report.target} (evo-mock) the ${removed.length} session${removed.length === 1 ? '' : 's'} the run created${removed.length > 0 ? `: ${removed.join(', ')}` : ''}`);
    if (left.length) {
      lines.push(`left on ${report.target} (${left.length}):`);
      for (const l of left) lines.push(`  ${l.id}: ${l.reason}`);
    }
  } else if (report.created.length) {
    lines.push(`created on ${report.target} (${report.created.length}):`);
    for (const e of report.created) lines.push(`  ${e.type} ${e.id} (by ${e.operationId})`);
  } else if (report.allowWrites) {
    lines.push('created nothing');
  }
  return lines.join('\n');
}

/** How many failed cases each check failed in, most first: one defect often fails many cases. */
function failingChecks(results: readonly CaseResult[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) for (const check of new Set(r.outcome.checks.filter((c) => !c.ok).map((c) => c.check))) counts.set(check, (counts.get(check) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
