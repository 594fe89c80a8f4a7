import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckName } from '../../src/contract/check-result.js';
import { fetchClient } from '../../src/contract/http-client.js';
import type { RunReport } from '../../src/contract/run-report.js';
import { runContract } from '../../src/contract/runner.js';
import type { WireFormat } from '../../src/wire/codec.js';
import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { startBrokenTarget, type ProxiedExchange, type Rewrite } from './fixtures/broken-target.js';
import { startMockTarget, type MockTarget } from './fixtures/mock-target.js';

/**
 * Proof that the runner catches defects: the real mock behind a proxy that spoils one thing each.
 * Every row must make the run fail and name the check that caught it; the unspoiled mock must pass.
 */
interface Defect {
  readonly name: string;
  readonly formats: readonly WireFormat[];
  readonly rewrite: Rewrite;
  /** The check that must be among the failures. */
  readonly caughtBy: CheckName;
  readonly allowWrites?: boolean;
}

const isJson = (e: ProxiedExchange) => e.headers['content-type']?.startsWith('application/json') === true;
const isXml = (e: ProxiedExchange) => e.headers['content-type']?.startsWith('application/xml') === true;
const isJsv = (e: ProxiedExchange) => e.headers['content-type']?.startsWith('application/jsv') === true;
const path = (e: ProxiedExchange) => new URL(e.url, 'http://x').pathname;
const query = (e: ProxiedExchange) => new URL(e.url, 'http://x').searchParams;
const isSessionById = (e: ProxiedExchange) => /^\/sessions\/[0-9a-f]{32}$/.test(path(e));

/** Rewrites the items of a JSON list answer (200) to a request with `param`; `change` answers undefined to leave the answer as it is. */
function rewriteItems(e: ProxiedExchange, param: string, change: (items: unknown[]) => unknown[] | undefined): void {
  if (!isJson(e) || e.status !== 200 || !query(e).has(param)) return;
  const body = JSON.parse(e.body) as { items: unknown[] };
  const items = change(body.items);
  if (items === undefined) return;
  body.items = items;
  e.body = JSON.stringify(body);
}

const defects: Defect[] = [
  {
    name: 'a wrong type (a bool sent as a string)',
    formats: ['json'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/"ended":(true|false)/, '"ended":"$1"');
    },
  },
  {
    name: 'a missing required field (totalCount)',
    formats: ['json'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/,"totalCount":\d+/, '');
    },
  },
  {
    name: 'an enum member the spec lacks',
    formats: ['json'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/"callState":"\w+"/, '"callState":"OnTheMoon"');
    },
  },
  {
    name: 'paging totals off by one',
    formats: ['json'],
    caughtBy: 'paging',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/"totalCount":(\d+)/, (_m, n: string) => `"totalCount":${Number(n) + 1}`);
    },
  },
  {
    name: 'a wrong XML namespace',
    formats: ['xml'],
    caughtBy: 'parse',
    rewrite: (e) => {
      if (isXml(e) && e.status === 200) e.body = e.body.replace(/Voice\.Api\.Sessions"/g, 'Voice.Api.Session"');
    },
  },
  {
    name: 'a wrong XML element order',
    formats: ['xml'],
    caughtBy: 'round-trip',
    rewrite: (e) => {
      if (isXml(e) && e.status === 200) {
        e.body = e.body.replace(/(<(?:\w+:)?AccountId>[^<]*<\/(?:\w+:)?AccountId>)(<(?:\w+:)?AccountName>[^<]*<\/(?:\w+:)?AccountName>)/, '$2$1');
      }
    },
  },
  {
    name: 'JSV with JSON-style booleans',
    formats: ['jsv'],
    caughtBy: 'round-trip',
    rewrite: (e) => {
      if (isJsv(e)) e.body = e.body.replace(/:True\b/g, ':true').replace(/:False\b/g, ':false');
    },
  },
  {
    name: 'an error body not in ResponseStatus shape',
    formats: ['json'],
    caughtBy: 'error-shape',
    rewrite: (e) => {
      if (isJson(e) && e.status >= 400) e.body = JSON.stringify({ error: 'something went wrong', status: e.status });
    },
  },
  {
    name: 'a 500 on a valid request',
    formats: ['json'],
    caughtBy: 'status',
    rewrite: (e) => {
      if (e.status === 200 && isSessionById(e)) {
        e.status = 500;
        e.body = '{"responseStatus":{"errorCode":"NullReferenceException","message":"Object reference not set to an instance of an object.","errors":[]}}';
      }
    },
  },
  {
    name: 'a content type that does not match the body',
    formats: ['xml'],
    caughtBy: 'content-type',
    rewrite: (e) => {
      if (isXml(e)) e.headers['content-type'] = 'application/json; charset=utf-8';
    },
  },
  {
    name: 'a JSON null instead of an omitted member',
    formats: ['json'],
    caughtBy: 'json-wire',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/"accountName":"[^"]*"/, '"accountName":null');
    },
  },
  {
    name: 'a sort order that does not hold',
    formats: ['json'],
    caughtBy: 'sort',
    rewrite: (e) => rewriteItems(e, 'sortField', (items) => (items.length < 2 ? undefined : [items[items.length - 1], ...items.slice(0, -1)])),
  },
  {
    name: 'a filter that lets other items through',
    formats: ['json'],
    caughtBy: 'filter',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200 && query(e).has('customerIds')) e.body = e.body.replace(/"customerId":"[0-9a-f]+"/, '"customerId":"00000000000000000000000000000000"');
    },
  },
  {
    name: 'a page longer than countPerPage',
    formats: ['json'],
    caughtBy: 'page-size',
    rewrite: (e) => rewriteItems(e, 'countPerPage', (items) => (items.length ? [...items, items[0]] : items)),
  },
  {
    name: 'a created session that reads back differently',
    formats: ['json'],
    caughtBy: 'readback',
    allowWrites: true,
    rewrite: (e) => {
      if (isJson(e) && e.status === 200 && e.method === 'GET' && isSessionById(e)) e.body = e.body.replace(/"displayName":"/, '"displayName":"changed ');
    },
  },
  {
    name: 'a session that reads differently in XML',
    formats: ['json', 'xml'],
    caughtBy: 'cross-format',
    rewrite: (e) => {
      if (isXml(e) && isSessionById(e)) e.body = e.body.replace(/(<(?:\w+:)?AccountName>)([^<]*)</, '$1$2 Ltd<');
    },
  },
  {
    name: "dates as ServiceStack's /Date(ms)/ in JSON (a CLR DateTime where the DTO has an ISO string)",
    formats: ['json'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isJson(e) && e.status === 200) e.body = e.body.replace(/"dateCreated":"[^"]*"/g, '"dateCreated":"\\/Date(1709288130000)\\/"');
    },
  },
  {
    name: 'dates without a zone in XML (DataContractSerializer writing an Unspecified DateTime)',
    formats: ['xml'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isXml(e) && e.status === 200) e.body = e.body.replace(/(<(?:\w+:)?DateCreated[^>]*>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)[^<]*</g, '$1$2<');
    },
  },
  {
    name: 'dates as /Date(ms)/ in JSV',
    formats: ['jsv'],
    caughtBy: 'schema',
    rewrite: (e) => {
      if (isJsv(e) && e.status === 200) e.body = e.body.replace(/dateCreated:[^,}]+/g, 'dateCreated:/Date(1709288130000)/');
    },
  },
  {
    name: 'a 401 without WWW-Authenticate',
    formats: ['json'],
    caughtBy: 'www-authenticate',
    rewrite: (e) => {
      if (e.status === 401) delete e.headers['www-authenticate'];
    },
  },
];

const failedChecks = (r: RunReport) => new Set(r.results.flatMap((x) => x.outcome.checks.filter((c) => !c.ok).map((c) => c.check)));

describe('the contract runner against deliberately broken targets', () => {
  let mock: MockTarget;
  before(async () => {
    mock = await startMockTarget();
  });
  after(async () => {
    await mock.close();
  });
  const run = (url: string, formats: readonly WireFormat[], allowWrites = false) =>
    runContract(
      { target: { baseUrl: url, credentials: { kind: 'basic', user: 'dev@example.com', password: 'dev' } }, formats, allowWrites, seed: 11, propertyRuns: 5 },
      { model: mock.api, codecs: defaultCodecs, http: fetchClient(5_000) },
    );

  it('passes the unmodified mock in every format, writes included (through the same proxy)', async () => {
    const proxy = await startBrokenTarget(mock.url, () => {});
    try {
      const report = await run(proxy.url, ['json', 'xml', 'jsv'], true);
      const failures = report.results.filter((r) => r.outcome.status === 'fail').map((r) => `${r.id}: ${r.outcome.checks.filter((c) => !c.ok).map((c) => c.message).join('; ')}`);
      assert.deepEqual(failures, []);
      assert.equal(report.results.filter((r) => r.outcome.status === 'skip').length, 0);
    } finally {
      await proxy.close();
    }
  });

  it('one member wrong in every answer is one root cause listing each case and place it was seen', async () => {
    const proxy = await startBrokenTarget(mock.url, defects.find((d) => d.name.startsWith('dates as ServiceStack'))!.rewrite);
    try {
      const report = await run(proxy.url, ['json']);
      const dates = report.rootCauses.filter((c) => /dateCreated/.test(c.cause));
      assert.deepEqual(
        dates.map((c) => `${c.check} ${c.cause}`),
        [`schema SessionInfo.dateCreated must match format "date-time" (ServiceStack's /Date(ms)/ for a CLR DateTime, where the DTO's string member holds ISO 8601)`],
      );
      const failing = report.results.filter((r) => r.outcome.status === 'fail' && r.outcome.checks.some((c) => /dateCreated/.test(c.message)));
      assert.ok(failing.length > 3, `seen in ${failing.length} cases`);
      assert.deepEqual(dates[0]!.seen.map((s) => s.caseId).sort(), failing.map((r) => r.id).sort());
      assert.ok(dates[0]!.seen.some((s) => s.at.some((a) => /^\/items\/\d+\/dateCreated$/.test(a))), 'list answers are named by item');
    } finally {
      await proxy.close();
    }
  });

  for (const defect of defects) {
    it(`fails ${defect.name}, caught by '${defect.caughtBy}'`, async () => {
      const proxy = await startBrokenTarget(mock.url, defect.rewrite);
      try {
        const report = await run(proxy.url, defect.formats, defect.allowWrites ?? false);
        assert.ok(proxy.rewritten() > 0, 'the defect was exercised');
        const caught = failedChecks(report);
        assert.ok(caught.has(defect.caughtBy), `expected a '${defect.caughtBy}' failure; failed checks: ${[...caught].join(', ') || 'none'}`);
      } finally {
        await proxy.close();
      }
    });
  }
});
