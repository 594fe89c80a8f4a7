import type { CaseResult, RunReport } from './run-report.js';
import { countByStatus } from './run-report.js';

/** JUnit XML as CI servers read it: one suite per operation x format, one testcase per case. */
export function junitXml(report: RunReport): string {
  const groups = new Map<string, CaseResult[]>();
  for (const r of report.results) {
    const key = `${r.operationId}.${r.format}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const total = countByStatus(report.results);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="evo-mock contract ${esc(report.target)}" tests="${report.results.length}" failures="${total.fail}" skipped="${total.skip}" time="${secs(report.durationMs)}">`,
  ];
  for (const [name, results] of groups) {
    const c = countByStatus(results);
    const time = results.reduce((s, r) => s + r.durationMs, 0);
    out.push(`  <testsuite name="${esc(name)}" tests="${results.length}" failures="${c.fail}" errors="0" skipped="${c.skip}" time="${secs(time)}" timestamp="${esc(report.startedAt)}">`);
    for (const r of results) {
      const open = `    <testcase classname="${esc(name)}" name="${esc(`${r.id.slice(name.length + 1)}: ${r.title}`)}" time="${secs(r.durationMs)}"`;
      if (r.outcome.status === 'pass') {
        out.push(`${open}/>`);
      } else if (r.outcome.status === 'skip') {
        out.push(`${open}>`, `      <skipped message="${esc(r.outcome.skipReason ?? '')}"/>`, '    </testcase>');
      } else {
        const failed = r.outcome.checks.filter((k) => !k.ok);
        const first = failed[0];
        const body = [...failed.map((k) => `[${k.check}] ${k.message}`), ...(r.outcome.details ?? []), ...r.outcome.requests.map((q) => `sent: ${q}`)].join('\n');
        out.push(
          `${open}>`,
          `      <failure type="${esc(failed.map((k) => k.check).join(','))}" message="${esc(first ? `${first.check}: ${first.message}` : 'failed')}">${esc(body)}</failure>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes for text and attributes, and drops characters XML 1.0 cannot carry at all. */
function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
