import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../../src/spec/package-root.js';
import { SOURCES } from '../pages/helpers.js';
import { runEvoMock } from './helpers/evo-mock-process.js';

const root = packageRoot();

/** Another saved metadata page of the same kind (indented Python with a JSON sample), for an operation the API does not have. */
const SYNTHETIC_PAGE = `Evo Voice

<back to all web services

CountSessions

Count the sessions of an account

Requires Authentication
Required role:Admin
The following routes are available for this service:
GET/sessions/count/{accountId}
import datetime
from dataclasses import dataclass, field
from enum import Enum, IntEnum


class SessionDirections(str, Enum):
    INCOMING = 'Incoming'
    OUTGOING = 'Outgoing'


@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class CountSessionsResponse:
    # @ApiMember(Description="How many, (roughly) \\"live\\" ones included")
    count: int = 0
    """
    How many, (roughly) "live" ones included
    """

    by_direction: Optional[Dict[str, int]] = None


# @Api(Description="Count the sessions of an account")
@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)
@dataclass
class CountSessions(IGet):
    """
    Count the sessions of an account
    """

    # @ApiMember(Description="The account")
    account_id: Optional[str] = None
    """
    The account
    """

    # @ApiMember(Description="Only this direction")
    direction: Optional[SessionDirections] = None
    """
    Only this direction
    """

Python CountSessions DTOs

To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json

The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.

GET /sessions/count/{accountId} HTTP/1.1 
Host: evovoice.io 
Accept: application/json
HTTP/1.1 200 OK
Content-Type: application/json
Content-Length: length

{"count":0,"byDirection":{"String":0}}
`;

describe('evo-mock generate', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-mock-generate-'));
    await cp(SOURCES, join(dir, 'sources'), { recursive: true });
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--check passes on the committed outputs', async () => {
    const r = await runEvoMock(['generate', '--check', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Up to date/);
  });

  it('writes the spec and the types, prints the disagreement report, and writes the same bytes as the committed ones', async () => {
    const out = join(dir, 'openapi.json');
    const types = join(dir, 'dtos.ts');
    const r = await runEvoMock(['generate', '--sources', join(dir, 'sources'), '--out', out, '--types', types]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /disagreement\(s\) between the pages/);
    assert.match(r.stdout, /ListResponse<AccountInfo>/);
    assert.match(r.stdout, /Wrote .*5 operations from 5 pages/);
    assert.equal(await readFile(out, 'utf8'), await readFile(join(root, 'spec', 'openapi.json'), 'utf8'));
    assert.equal(await readFile(types, 'utf8'), await readFile(join(root, 'src', 'generated', 'dtos.ts'), 'utf8'));

    const check = await runEvoMock(['generate', '--sources', join(dir, 'sources'), '--out', out, '--types', types, '--check', '-q']);
    assert.equal(check.code, 0, check.stderr);
    await writeFile(out, (await readFile(out, 'utf8')).replace('Retrieve a list of sessions', 'Retrieve sessions'));
    const stale = await runEvoMock(['generate', '--sources', join(dir, 'sources'), '--out', out, '--types', types, '--check', '-q']);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /out of date: .*openapi\.json.*Run 'npm run generate'/);
  });

  it('adds the operation of another page dropped into the sources folder, with no code change', async () => {
    await writeFile(join(dir, 'sources', 'CountSessions.txt'), SYNTHETIC_PAGE);
    const out = join(dir, 'with-count.json');
    const r = await runEvoMock(['generate', '--sources', join(dir, 'sources'), '--out', out, '--types', join(dir, 'with-count.ts'), '-q']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /6 operations from 6 pages/);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    const op = doc.paths['/sessions/count/{accountId}'].get;
    assert.equal(op.operationId, 'CountSessions');
    assert.deepEqual(op['x-required-roles'], ['Admin']);
    assert.deepEqual(op.parameters.map((p: { name: string; in: string }) => [p.name, p.in]), [['accountId', 'path'], ['direction', 'query']]);
    const response = doc.components.schemas.CountSessionsResponse;
    assert.deepEqual(response.required, ['count']);
    assert.equal(response.properties.count.description, 'How many, (roughly) "live" ones included');
    assert.deepEqual(response.properties.byDirection.additionalProperties, { type: 'integer', format: 'int32' });
    assert.equal(op.responses['200'].content['application/json'].examples.CountSessions.value.count, 0);
    assert.ok(doc.paths['/sessions'].get, 'the other operations stay');
    const dtos = await readFile(join(dir, 'with-count.ts'), 'utf8');
    assert.match(dtos, /export interface CountSessionsResponse \{[^}]*count: number;/);
  });

  it('says which page is unreadable and exits 1', async () => {
    const bad = join(dir, 'bad');
    await cp(SOURCES, bad, { recursive: true });
    await writeFile(join(bad, 'Broken.txt'), 'GET | /x |\n---|\nnothing to see here');
    const r = await runEvoMock(['generate', '--sources', bad, '--out', join(dir, 'x.json'), '--types', join(dir, 'x.ts')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Broken\.txt: no DTO code or parameter table found/);
  });

  it('explains its options in --help', async () => {
    const r = await runEvoMock(['generate', '--help']);
    assert.equal(r.code, 0);
    for (const option of ['--sources DIR', '--out PATH', '--types PATH', '--check', '--quiet']) assert.ok(r.stdout.includes(option), option);
  });
});
