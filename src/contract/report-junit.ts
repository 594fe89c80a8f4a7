import { describeSightings } from './root-causes.js';
import type { CaseResult, RunReport } from './run-report.js';
import { countByStatus } from './run-report.js';
import { describeSkipLimit } from './verdict.js';

/** Settings the report does not hold but a reader of CI results wants next to the seed (e.g. the timeout). */
export type ExtraProperties = Readonly<Record<string, string>>;

/**
 * JUnit XML as CI servers read it. Passing and skipped cases are testcases in one suite per operation x
 * format; failures are one testcase per root cause (suite "root causes"), listing every case that showed
 * it, so a member missing from 22 answers is one red line on the CI page rather than 22. Every suite
 * carries the run's seed and options as properties, so a red build can be replayed as it ran.
 */
export function junitXml(report: RunReport, extra: ExtraProperties = {}): string {
  const groups = new Map<string, CaseResult[]>();
  for (const r of report.results) {
    if (r.outcome.status === 'fail') continue;
    const key = `${r.operationId}.${r.format}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const total = countByStatus(report.results);
  const causes = report.rootCauses.length;
  const tooManySkipped = report.verdict.tooManySkipped ? 1 : 0;
  const failures = causes + tooManySkipped;
  const properties = propertiesXml(report, extra);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="evo-mock contract ${esc(report.target)}" tests="${total.pass + total.skip + failures}" failures="${failures}" skipped="${total.skip}" time="${secs(report.durationMs)}">`,
  ];
  if (failures > 0) {
    out.push(`  <testsuite name="root causes" tests="${failures}" failures="${failures}" errors="0" skipped="0" time="0.000" timestamp="${esc(report.startedAt)}">`, properties);
    report.rootCauses.forEach((cause, i) => {
      const body = [
        `seen in ${cause.seen.length} case(s): ${describeSightings(cause.seen)}`,
        ...cause.seen.filter((s) => s.at.length > 1).map((s) => `${s.caseId}: ${s.at.join(', ')}`),
        ...(cause.example ? [`first: ${cause.example}`] : []),
        ...(cause.details ?? []),
        ...cause.requests.map((q) => `sent: ${q}`),
      ].join('\n');
      out.push(
        `    <testcase classname="root causes" name="${esc(`${i + 1}. [${cause.check}] ${cause.cause}`)}" time="0.000">`,
        `      <failure type="${esc(cause.check)}" message="${esc(`${cause.check}: ${cause.cause}`)}">${esc(body)}</failure>`,
        '    </testcase>',
      );
    });
    if (report.verdict.tooManySkipped) {
      out.push(
        `    <testcase classname="root causes" name="skipped cases within --max-skipped ${esc(report.maxSkipped ? describeSkipLimit(report.maxSkipped) : '')}" time="0.000">`,
        `      <failure type="max-skipped" message="${esc(report.verdict.tooManySkipped)}"/>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  for (const [name, results] of groups) {
    const c = countByStatus(results);
    const time = results.reduce((s, r) => s + r.durationMs, 0);
    out.push(`  <testsuite name="${esc(name)}" tests="${results.length}" failures="0" errors="0" skipped="${c.skip}" time="${secs(time)}" timestamp="${esc(report.startedAt)}">`, properties);
    for (const r of results) {
      const open = `    <testcase classname="${esc(name)}" name="${esc(`${r.id.slice(name.length + 1)}: ${r.title}`)}" time="${secs(r.durationMs)}"`;
      if (r.outcome.status === 'pass') out.push(`${open}/>`);
      else out.push(`${open}>`, `      <skipped message="${esc(r.outcome.skipReason ?? '')}"/>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

/** The run's seed and options, and the command line that replays it. Credentials are described, never given. */
function propertiesXml(report: RunReport, extra: ExtraProperties): string {
  const replay = [
    'evo-mock contract',
    `--target ${report.target}`,
    `--formats ${report.formats.join(',')}`,
    `--seed ${report.seed}`,
    `--property-runs ${report.propertyRuns}`,
    ...(report.allowWrites ? ['--allow-writes'] : []),
  ].join(' ');
  const props: [string, string][] = [
    ['seed', String(report.seed)],
    ['target', report.target],
    ['credentials', report.credentials],
    ['formats', report.formats.join(',')],
    ['property-runs', String(report.propertyRuns)],
    ['allow-writes', String(report.allowWrites)],
    ['max-skipped', report.maxSkipped ? describeSkipLimit(report.maxSkipped) : 'none'],
    ...Object.entries(extra),
    ['cases-failed', String(report.verdict.failedCases)],
    ['replay', replay],
  ];
  return ['    <properties>', ...props.map(([name, value]) => `      <property name="${esc(name)}" value="${esc(value)}"/>`), '    </properties>'].join('\n');
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
