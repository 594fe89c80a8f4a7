import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, pass } from '../../src/contract/check-result.js';
import { jsonReport } from '../../src/contract/report-json.js';
import { junitXml } from '../../src/contract/report-junit.js';
import { closingLines, failureList, summaryTable } from '../../src/contract/report-table.js';
import { rootCauses } from '../../src/contract/root-causes.js';
import type { CaseResult, RunReport } from '../../src/contract/run-report.js';
import { parseSkipLimit, verdictOf } from '../../src/contract/verdict.js';
import { progressPrinter } from '../../src/contract/progress.js';

const results: CaseResult[] = [
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
];

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
  results,
  rootCauses: rootCauses(results),
  verdict: verdictOf(results),
};

describe('reports', () => {
  it('JUnit XML is well-formed, escapes what it must, and counts one failure per root cause and the skips', () => {
    const text = junitXml(report, { 'timeout-ms': '10000' });
    assert.equal(XMLValidator.validate(text), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: { name: string; failures: string; testcase: unknown }[] };
    };
    assert.equal(doc.testsuites.tests, '4');
    assert.equal(doc.testsuites.failures, '1');
    assert.equal(doc.testsuites.skipped, '1');
    assert.deepEqual(doc.testsuites.testsuite.map((s) => `${s.name}:${s.failures}`), ['root causes:1', 'ListWidgets.json:0', 'NewWidget.json:0', 'ListWidgets.all:0']);
    assert.match(text, /<failure type="round-trip" message="round-trip: at byte 3, the body has &quot;&lt;A&gt;&quot;/);
    assert.match(text, /seen in 1 case\(s\): ListWidgets\.xml\.positive\.basic/);
    assert.match(text, /seed 1, path &quot;0:1&quot;/);
  });

  it('JUnit XML carries the seed, the options and a replay command line as every suite\'s properties, and no password', () => {
    const text = junitXml(report, { 'timeout-ms': '10000' });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'property' || name === 'testsuite' }).parse(text) as {
      testsuites: { testsuite: { name: string; properties: { property: { name: string; value: string }[] } }[] };
    };
    for (const suite of doc.testsuites.testsuite) {
      const props = Object.fromEntries(suite.properties.property.map((p) => [p.name, p.value]));
      assert.equal(props['seed'], '9', suite.name);
      assert.equal(props['formats'], 'json,xml');
      assert.equal(props['allow-writes'], 'true');
      assert.equal(props['timeout-ms'], '10000');
      assert.equal(props['credentials'], 'Basic auth as dev@example.com');
      assert.equal(props['replay'], 'evo-mock contract --target http://127.0.0.1:4010 --formats json,xml --seed 9 --property-runs 25 --allow-writes');
    }
  });

  it('the same member wrong in many answers is one root cause that lists every case and place it was seen', () => {
    const member = (id: string, at: string[]): CaseResult => ({
      id,
      operationId: id.split('.')[0]!,
      format: 'json',
      kind: 'positive',
      title: 't',
      durationMs: 1,
      outcome: {
        status: 'fail',
        checks: [fail('schema', 'x', [...at.map((a) => ({ cause: 'Widget.active must be boolean', at: a })), { cause: `Widget.name must be string`, at: '/name' }]), fail('status', 'expected 200, got 500 for GET /widgets/0123456789abcdef0123456789abcdef')],
        requests: [`GET ${id}`],
      },
    });
    const many = [member('GetWidget.json.positive.basic', ['/active']), member('ListWidgets.json.positive.basic', ['/items/0/active', '/items/1/active']), member('ListWidgets.json.positive.page', ['/items/3/active'])];
    many[2] = { ...many[2]!, outcome: { ...many[2]!.outcome, checks: [fail('status', 'expected 200, got 500 for GET /widgets/fedcba9876543210fedcba9876543210')] } };
    const causes = rootCauses(many);
    assert.deepEqual(
      causes.map((c) => `${c.check} ${c.cause}: ${c.seen.map((s) => `${s.caseId}[${s.at.join(',')}]`).join(' ')}`),
      [
        'schema Widget.active must be boolean: GetWidget.json.positive.basic[/active] ListWidgets.json.positive.basic[/items/0/active,/items/1/active]',
        'schema Widget.name must be string: GetWidget.json.positive.basic[/name] ListWidgets.json.positive.basic[/name]',
        'status expected 200, got 500 for GET /widgets/{id}: GetWidget.json.positive.basic[] ListWidgets.json.positive.basic[] ListWidgets.json.positive.page[]',
      ],
    );
    const text = failureList(causes);
    assert.match(text, /^FAIL 1\. \[schema\] Widget\.active must be boolean\n {2}seen in 2 cases: GetWidget\.json\.positive\.basic \(\/active\), ListWidgets\.json\.positive\.basic \(\/items\/0\/active \+1 more\)\n {2}first: x\n {2}sent: GET GetWidget/);
    assert.equal(text.match(/^FAIL /gm)?.length, 3);
  });

  it('--max-skipped fails a run that skipped more than N cases or P% of them, and says so', () => {
    assert.deepEqual(parseSkipLimit('3'), { kind: 'count', max: 3 });
    assert.deepEqual(parseSkipLimit('25%'), { kind: 'percent', max: 25 });
    for (const bad of ['x', '-1', '1.5', '120%']) assert.throws(() => parseSkipLimit(bad), RangeError, bad);
    assert.equal(verdictOf(results, { kind: 'count', max: 1 }).tooManySkipped, undefined);
    assert.equal(verdictOf(results, { kind: 'percent', max: 25 }).tooManySkipped, undefined);
    const passing = results.filter((r) => r.outcome.status !== 'fail');
    const over = verdictOf(passing, { kind: 'percent', max: 20 });
    assert.equal(over.ok, false);
    assert.equal(over.exitCode, 1);
    assert.match(over.tooManySkipped ?? '', /^1 of 3 cases were skipped \(33%\), more than --max-skipped 20% allows/);
    assert.equal(verdictOf(passing, { kind: 'count', max: 0 }).exitCode, 1);
    assert.equal(verdictOf(passing).exitCode, 0);
    const closing = closingLines({ ...report, results: passing, rootCauses: [], verdict: over, maxSkipped: { kind: 'percent', max: 20 } });
    assert.match(closing, /\nFAILED: 1 of 3 cases were skipped/);
    const junit = junitXml({ ...report, results: passing, rootCauses: [], verdict: over, maxSkipped: { kind: 'percent', max: 20 } });
    assert.match(junit, /<testsuites [^>]*failures="1"/);
    assert.match(junit, /<failure type="max-skipped" message="1 of 3 cases were skipped/);
  });

  it('the JSON report carries a summary and the whole run', () => {
    const parsed = JSON.parse(jsonReport(report)) as { summary: Record<string, unknown>; created: unknown[]; results: unknown[] };
    assert.deepEqual(parsed.summary, { pass: 2, fail: 1, skip: 1, total: 4, ok: false, rootCauses: 1 });
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

  it('failures list their root cause, where it was seen, details and requests; the closing lines list what was created', () => {
    const text = failureList(report.rootCauses);
    assert.match(text, /^FAIL 1\. \[round-trip\] at byte 3/);
    assert.match(text, /\n {2}seen in 1 case: ListWidgets\.xml\.positive\.basic\n/);
    assert.doesNotMatch(text, /\[status\]/);
    assert.match(text, /\n {2}seed 1, path "0:1"/);
    assert.match(text, /\n {2}sent: GET \/widgets \[xml\]/);
    const closing = closingLines(report);
    assert.match(closing, /^2 passed, 1 failed \(1 root cause\), 1 skipped in 1\.2 s \(seed 9\)\nfailing checks \(cases\): round-trip 1\n/);
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
