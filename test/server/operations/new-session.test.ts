import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { type ErrorBody, type ListBody, mockPerFile, NOW, type UserName } from '../helpers/mock-server.js';

const { mock } = mockPerFile({ sessions: 120 });

const DEV_ACCOUNTS = ['a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d', 'b2e1d3c5f7a94e1b8d2c3b4a5f6e7d8c'];

async function create(body: unknown, user: UserName = 'dev', contentType = 'application/json') {
  return mock.json<SessionInfo & ErrorBody>('/sessions', {
    method: 'POST',
    user,
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('NewSession creates, stores and returns the session', () => {
  it('applies the documented defaults and stamps id, dates and createdBy', async () => {
    const res = await create({ displayName: 'Call Bob', toAddress: '+15555550123' });
    assert.equal(res.status, 200);
    const s = res.body;
    const dev = mock.fixtures.users[0]!;
    assert.match(s.id!, /^[0-9a-f]{32}$/);
    assert.equal(s.direction, 'Outgoing');
    assert.equal(s.callState, 'Connected');
    assert.equal(s.fromAddress, 'dev@example.com');
    assert.equal(s.createdBy, dev.id);
    assert.equal(s.dateCreated, NOW.toISOString());
    assert.equal(s.accountId, DEV_ACCOUNTS[0]);
    assert.equal(s.accountName, 'Acme Dental Group');
    assert.equal(s.displayName, 'Call Bob');
    assert.equal(s.toAddress, '+15555550123');
    assert.equal(s.ended, false);
    assert.equal(s.members?.[0]?.identity, dev.id);
    assert.equal(s.members?.[0]?.isOriginalMember, true);
  });

  it('the new session can be read back, and is listed', async () => {
    const created = (await create({ displayName: 'Read me back' })).body;
    const read = await mock.json<SessionInfo>(`/sessions/${created.id}`, { user: 'dev' });
    assert.deepEqual(read.body, { ...created, log: [] });
    const listed = await mock.json<ListBody>(`/sessions?specificIds=${created.id}`, { user: 'dev' });
    assert.deepEqual(listed.body.items, [created]);
  });

  it('explicit values win over the defaults', async () => {
    const res = await create({ direction: 'Incoming', callState: 'Ringing', fromAddress: '+15555550100', channel: 'Chat' });
    assert.equal(res.status, 200);
    assert.equal(res.body.direction, 'Incoming');
    assert.equal(res.body.callState, 'Ringing');
    assert.equal(res.body.fromAddress, '+15555550100');
    assert.equal(res.body.channel, 'Chat');
  });

  it('a customer puts the session in the customer\'s account, with name and breadcrumb', async () => {
    const customer = mock.data.customers.find((c) => c.accountId === DEV_ACCOUNTS[1] && c.parentCustomerId)!;
    const parent = mock.data.customers.find((c) => c.id === customer.parentCustomerId)!;
    const res = await create({ customerId: customer.id });
    assert.equal(res.status, 200);
    assert.equal(res.body.accountId, DEV_ACCOUNTS[1]);
    assert.equal(res.body.customerName, customer.name);
    assert.deepEqual(res.body.customerBreadcrumb, [
      { id: parent.id, name: parent.name },
      { id: customer.id, name: customer.name },
    ]);
  });

  it('a parent session is recorded: ListSessions?parentSessionId finds the child', async () => {
    const parent = mock.seeded.find((e) => e.session.accountId === DEV_ACCOUNTS[1])!.session;
    const child = (await create({ parentSessionId: parent.id })).body;
    assert.equal(child.accountId, parent.accountId);
    const res = await mock.json<ListBody>(`/sessions?parentSessionId=${parent.id}`, { user: 'dev' });
    assert.ok(res.body.items.some((s) => s.id === child.id));
  });

  it('withAddress user:ID and memberEmailAddresses become members', async () => {
    const agent = mock.data.agents.find((a) => a.accountIds.includes(DEV_ACCOUNTS[0]!) && a.emailAddress !== 'dev@example.com')!;
    const another = mock.data.agents.find((a) => a.accountIds.includes(DEV_ACCOUNTS[0]!) && a.id !== agent.id && a.emailAddress !== 'dev@example.com')!;
    const res = await create({ withAddress: `user:${agent.id}`, memberEmailAddresses: [another.emailAddress.toUpperCase()] });
    assert.equal(res.status, 200);
    const ids = res.body.members!.map((m) => m.identity);
    assert.deepEqual(ids, [mock.fixtures.users[0]!.id, agent.id, another.id]);
  });

  it('withAddress team:ID adds the team\'s agents', async () => {
    const team = mock.data.teams.find((t) => t.accountId === DEV_ACCOUNTS[0] && t.agentIds.length > 0)!;
    const res = await create({ withAddress: `team:${team.id}` });
    assert.equal(res.status, 200);
    for (const id of team.agentIds) assert.ok(res.body.members!.some((m) => m.identity === id), id);
  });

  it('a form body works too', async () => {
    const res = await create('displayName=From+a+form&direction=Incoming&memberEmailAddresses=', 'dev', 'application/x-www-form-urlencoded');
    assert.equal(res.status, 200);
    assert.equal(res.body.displayName, 'From a form');
    assert.equal(res.body.direction, 'Incoming');
  });
});

describe('NewSession refuses what it cannot create, naming the field', () => {
  const otherCustomer = () => mock.data.customers.find((c) => c.accountId === 'c3d2e4f6a8b04d2c9e3b4c5d6e7f8a9b')!.id;
  const otherSession = () => mock.seeded.find((e) => e.session.accountId === 'c3d2e4f6a8b04d2c9e3b4c5d6e7f8a9b')!.session.id;
  const rows: { name: string; body: () => unknown; field: string; code: string }[] = [
    { name: 'an unknown parentSessionId', body: () => ({ parentSessionId: 'nope' }), field: 'ParentSessionId', code: 'ArgumentException' },
    { name: 'a parent session of another account', body: () => ({ parentSessionId: otherSession() }), field: 'ParentSessionId', code: 'ArgumentException' },
    { name: 'an unknown customerId', body: () => ({ customerId: 'nope' }), field: 'CustomerId', code: 'ArgumentException' },
    { name: 'a customer of another account', body: () => ({ customerId: otherCustomer() }), field: 'CustomerId', code: 'ArgumentException' },
    { name: 'withAddress that is no address', body: () => ({ withAddress: 'bob' }), field: 'WithAddress', code: 'ArgumentException' },
    { name: 'withAddress naming an unknown user', body: () => ({ withAddress: 'user:nobody' }), field: 'WithAddress', code: 'ArgumentException' },
    { name: 'withAddress naming an unknown team', body: () => ({ withAddress: 'team:nobody' }), field: 'WithAddress', code: 'ArgumentException' },
    { name: 'an email of nobody the caller reaches', body: () => ({ memberEmailAddresses: ['other@example.com'] }), field: 'MemberEmailAddresses', code: 'ArgumentException' },
    { name: 'an enum member the spec lacks', body: () => ({ direction: 'Sideways' }), field: 'Direction', code: 'SerializationException' },
    { name: 'a list given as a number', body: () => ({ memberEmailAddresses: 5 }), field: 'MemberEmailAddresses', code: 'SerializationException' },
  ];
  for (const row of rows) {
    it(`${row.name} -> 400 on ${row.field}`, async () => {
      const before = (await mock.json<ListBody>('/sessions?countPerPage=1', { user: 'admin' })).body.totalCount;
      const res = await create(row.body());
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.responseStatus.errors[0]?.fieldName, row.field, JSON.stringify(res.body));
      assert.equal(res.body.responseStatus.errors[0]?.errorCode, row.code);
      const afterCount = (await mock.json<ListBody>('/sessions?countPerPage=1', { user: 'admin' })).body.totalCount;
      assert.equal(afterCount, before, 'nothing was stored');
    });
  }

  const bodies: { name: string; body: string; contentType?: string; status: number; code: string }[] = [
    { name: 'malformed JSON', body: '{"displayName":', status: 400, code: 'SerializationException' },
    { name: 'JSON that is not an object', body: '[1,2]', status: 400, code: 'SerializationException' },
    { name: 'a body over the size limit', body: JSON.stringify({ displayName: 'x'.repeat(1024 * 1024 + 10) }), status: 413, code: 'RequestEntityTooLarge' },
  ];
  for (const b of bodies) {
    it(`${b.name} -> ${b.status} ${b.code} in ServiceStack's shape, never an HTML page`, async () => {
      const res = await create(b.body, 'dev', b.contentType);
      assert.equal(res.status, b.status);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(res.body.responseStatus.errorCode, b.code);
      assert.ok(Array.isArray(res.body.responseStatus.errors));
    });
  }
});
