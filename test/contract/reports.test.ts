import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, pass } from '../../src/contract/check-result.js';
import { jsonReport } from '../../src/contract/report-json.js';
import { junitXml } from '../../src/contract/report-junit.js';
import { closingLines, failureList, summaryTable } from '../../src/contract/report-table.js';
import type { RunReport } from '../../src/contract/run-report.js';
import { progressPrinter } from '../../src/contract/progress.js';

const report: RunReport = {
  target: 'http://127.0.0.1:4010',
  credentials: 'Basic auth as dev@example.com',
  formats: ['json', 'xml'],
  seed: 9,
  propertyRuns: 25,
  allowWrites: true,
  startedAt: '2026-11-01T12:00:00.000Z',
  durationMs: 1234,
  created: [{ operationId: 'NewWidget', type: 'Widget', id: 'n1' }],
  notes: ['round-trip: xmlns declaration order differs from the codec'],
  results: [
    { id: 'ListWidgets.json.positive.basic', operationId: 'ListWidgets', format: 'json', kind: 'positive', title: 'answers', durationMs: 3, outcome: { status: 'pass', checks: [pass('status', 'answered 200')], requests: ['GET /widgets [json]'] } },
    {
      id: 'ListWidgets.xml.positive.basic',
      operationId: 'ListWidgets',
      format: 'xml',
      kind: 'positive',
      title: 'answers <quoted> & "escaped"',
      durationMs: 4,
      outcome: { status: 'fail', checks: [pass('status', 'answered 200'), fail('round-trip', 'at byte 3, the body has "<A>\u0001" where the writer has "<B>"')], requests: ['GET /widgets [xml]'], details: ['seed 1, path "0:1"'] },
    },
    { id: 'NewWidget.json.positive.basic', operationId: 'NewWidget', format: 'json', kind: 'positive', title: 'creates', durationMs: 0, outcome: { status: 'skip', checks: [], requests: [], skipReason: 'read-only run' } },
    { id: 'ListWidgets.all.invariant.same', operationId: 'ListWidgets', format: 'all', kind: 'invariant', title: 'same', durationMs: 5, outcome: { status: 'pass', checks: [pass('cross-format', 'same')], requests: [] } },
  ],
};

describe('reports', () => {
  it('JUnit XML is well-formed, escapes what it must, and counts failures and skips per suite', () => {
    const text = junitXml(report);
    assert.equal(XMLValidator.validate(text), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: { name: string; failures: string; testcase: unknown }[] };
    };
    assert.equal(doc.testsuites.tests, '4');
    assert.equal(doc.testsuites.failures, '1');
    assert.equal(doc.testsuites.skipped, '1');
    assert.deepEqual(doc.testsuites.testsuite.map((s) => `${s.name}:${s.failures}`), ['ListWidgets.json:0', 'ListWidgets.xml:1', 'NewWidget.json:0', 'ListWidgets.all:0']);
    assert.match(text, /<failure type="round-trip" message="round-trip: at byte 3, the body has &quot;&lt;A&gt;&quot;/);
    assert.match(text, /seed 1, path &quot;0:1&quot;/);
  });

  it('the JSON report carries a summary and the whole run', () => {
    const parsed = JSON.parse(jsonReport(report)) as { summary: Record<string, unknown>; created: unknown[]; results: unknown[] };
    assert.deepEqual(parsed.summary, { pass: 2, fail: 1, skip: 1, total: 4, ok: false });
    assert.equal(parsed.results.length, 4);
    assert.deepEqual(parsed.created, report.created);
  });

  it('the table is operation x format with pass/fail/skip counts', () => {
    assert.equal(
      summaryTable(report),
      [
        'operation    JSON           XML            ALL',
        '-----------  -------------  -------------  ------',
        'ListWidgets  1 pass         0 pass 1 FAIL  1 pass',
        'NewWidget    0 pass 1 skip  -              -',
      ].join('\n'),
    );
  });

  it('failures list their failed checks, details and requests; the closing lines list what was created', () => {
    const text = failureList(report.results);
    assert.match(text, /^FAIL ListWidgets\.xml\.positive\.basic: answers/);
    assert.match(text, /\n {2}\[round-trip\] at byte 3/);
    assert.doesNotMatch(text, /\[status\]/);
    assert.match(text, /\n {2}sent: GET \/widgets \[xml\]/);
    const closing = closingLines(report);
    assert.match(closing, /^2 passed, 1 failed, 1 skipped in 1\.2 s \(seed 9\)\nfailing checks \(cases\): round-trip 1\n/);
    assert.match(closing, /note: round-trip: xmlns declaration order/);
    assert.match(closing, /created on http:\/\/127\.0\.0\.1:4010 \(1\):\n {2}Widget n1 \(by NewWidget\)/);
  });

  it('progress on CI prints a line every N cases and nothing per case (failures are listed at the end)', () => {
    let out = '';
    const p = progressPrinter({ write: (t) => (out += t), tty: false, verbose: false, every: 2 });
    p.onStart?.(4);
    report.results.forEach((r, i) => p.onCase?.(r, i, 4));
    assert.equal(
      out,
      ['running 4 cases', '2/4 cases: 1 pass, 1 fail, 0 skip', '4/4 cases: 2 pass, 1 fail, 1 skip', ''].join('\n'),
    );
  });

  it('progress on a terminal shows failures as they come and rewrites one line', () => {
    let out = '';
    const p = progressPrinter({ write: (t) => (out += t), tty: true, verbose: false });
    p.onStart?.(4);
    report.results.forEach((r, i) => p.onCase?.(r, i, 4));
    assert.match(out, /\r\x1b\[2KFAIL ListWidgets\.xml\.positive\.basic \[round-trip\][^\n]*\n/);
    assert.match(out, /\r\x1b\[2K\[3\/4\] 1 pass, 1 fail, 1 skip {2}NewWidget\.json/);
    assert.ok(out.endsWith('\r\x1b[2K'), 'the live line is cleared at the end');
  });
});
