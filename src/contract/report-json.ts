import type { RunReport } from './run-report.js';
import { countByStatus } from './run-report.js';

/** The JSON report: the run's report with a summary on top, stable enough for scripts to read. */
export function jsonReport(report: RunReport): string {
  const summary = countByStatus(report.results);
  return `${JSON.stringify({ summary: { ...summary, total: report.results.length, ok: report.verdict.ok, rootCauses: report.rootCauses.length }, ...report }, null, 2)}\n`;
}
