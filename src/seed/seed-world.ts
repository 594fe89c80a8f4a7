import type { CustomerBreadcrumb } from '../generated/dtos.js';
import { breadcrumbOf } from '../store/account-records.js';
import type { FixtureAccount, FixtureUser, Fixtures } from '../store/fixtures.js';
import type { AccountRecordLists, AgentRecord, CustomerRecord, EndpointRecord, TeamRecord } from '../store/store-data.js';
import type { WorldExtras } from '../store/world-file.js';
import type { FakerRandom } from './seed-random.js';
import { avatarUrl } from './avatar-url.js';

/** Someone who calls an account again and again, so the same number keeps the same customer. */
export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly customer?: CustomerRecord;
}

export interface RingQueue {
  readonly id: string;
  readonly name: string;
}

/** One account's people, numbers and customers, from which its sessions are drawn. */
export interface AccountWorld {
  readonly account: FixtureAccount;
  readonly numbers: readonly EndpointRecord[];
  readonly agents: readonly AgentRecord[];
  /** Fixture users among the agents: sessions lean on them so a developer signing in sees their own calls. */
  readonly fixtureAgents: readonly AgentRecord[];
  readonly teams: readonly TeamRecord[];
  readonly contacts: readonly Contact[];
  readonly queues: readonly RingQueue[];
  readonly holdQueues: readonly string[];
  readonly breadcrumbs: ReadonlyMap<string, CustomerBreadcrumb[]>;
}

/** Every account's world, and the records they hold between them as the store keeps them. */
export interface World extends AccountRecordLists {
  readonly accounts: readonly AccountWorld[];
  readonly endpointsById: ReadonlyMap<string, EndpointRecord>;
}

const LINE_NAMES = ['Main Line', 'Support', 'Sales', 'After Hours', 'Billing', 'Front Desk', 'Dispatch'];
const TEAM_NAMES = ['Support', 'Sales', 'Billing', 'Front Desk', 'Dispatch'];
const SITE_KINDS = ['Downtown', 'North', 'South', 'East', 'West', 'Airport', 'Riverside', 'Harbor'];
const DEPARTMENTS = ['Accounts Payable', 'Reception', 'Operations', 'IT', 'Procurement'];

/**
 * Builds every account's records. The fixture users with the User role become agents in the
 * accounts they reach (a system administrator with none, in the first seeded account), each with
 * the endpoint the fixtures give them, so GetMySessions finds their sessions.
 */
export function buildWorld(fixtures: Fixtures, rnd: FakerRandom): World {
  const customers: CustomerRecord[] = [];
  const endpoints: EndpointRecord[] = [];
  const teams: TeamRecord[] = [];
  const firstSeeded = fixtures.accounts.find((a) => a.seedShare > 0) ?? fixtures.accounts[0];
  const fixtureAgents = fixtures.users.filter((u) => u.roles.includes('User')).map((u) => fixtureAgent(u, firstSeeded));
  const agents: AgentRecord[] = [...fixtureAgents];
  for (const a of fixtureAgents) {
    endpoints.push({ id: a.endpointId, accountId: a.accountIds[0] as string, kind: 'User', name: a.displayName, userId: a.id });
  }
  const accounts = fixtures.accounts.map((account): AccountWorld => {
    const domain = `${account.name.toLowerCase().replace(/\(.*?\)/g, '').trim().replace(/[^a-z0-9]+/g, '-')}.example.com`;
    const numbers = rnd.sample(LINE_NAMES, rnd.int(3, 5)).map(
      (name): EndpointRecord => ({ id: rnd.id(), accountId: account.id, kind: 'PhoneNumber', name, phoneNumber: rnd.usNumber() }),
    );
    const staff = Array.from({ length: rnd.int(4, 7) }, () => staffAgent(account, domain, rnd));
    endpoints.push(...numbers, ...staff.map((a): EndpointRecord => ({ id: a.endpointId, accountId: account.id, kind: 'User', name: a.displayName, userId: a.id })));
    agents.push(...staff);
    const mine = fixtureAgents.filter((a) => a.accountIds.includes(account.id));
    const pool = [...mine, ...staff];
    const accountTeams = rnd.sample(TEAM_NAMES, rnd.int(2, 3)).map(
      (name): TeamRecord => ({ id: rnd.id(), accountId: account.id, name, agentIds: rnd.sample(pool, rnd.int(2, Math.min(4, pool.length))).map((a) => a.id) }),
    );
    teams.push(...accountTeams);
    const accountCustomers = customerTree(account, rnd);
    customers.push(...accountCustomers);
    const byId = new Map(accountCustomers.map((c) => [c.id, c]));
    const breadcrumbs = new Map(accountCustomers.map((c) => [c.id, breadcrumbOf(c, byId)]));
    const contacts = Array.from({ length: rnd.int(40, 90) }, (): Contact => {
      const name = `${rnd.faker.person.firstName()} ${rnd.faker.person.lastName()}`;
      return rnd.chance(0.8) ? { name, phone: rnd.e164(), customer: rnd.pick(accountCustomers) } : { name, phone: rnd.e164() };
    });
    return {
      account,
      numbers,
      agents: pool,
      fixtureAgents: mine,
      teams: accountTeams,
      contacts,
      queues: accountTeams.map((t) => ({ id: rnd.id(), name: `${t.name} Queue` })),
      holdQueues: accountTeams.map((t) => `${t.name} Hold`),
      breadcrumbs,
    };
  });
  return { accounts, customers, endpoints, agents, teams, endpointsById: new Map(endpoints.map((e) => [e.id, e])) };
}

function fixtureAgent(u: FixtureUser, fallback: FixtureAccount | undefined): AgentRecord {
  const accountIds = u.accountIds.length > 0 ? u.accountIds : fallback ? [fallback.id] : [];
  return {
    id: u.id,
    accountIds,
    displayName: `${u.firstName} ${u.lastName}`,
    emailAddress: u.userName,
    endpointId: u.endpointId,
    ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}),
  };
}

function staffAgent(account: FixtureAccount, domain: string, rnd: FakerRandom): AgentRecord {
  const first = rnd.faker.person.firstName();
  const last = rnd.faker.person.lastName();
  const email = `${first}.${last}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
  return {
    id: rnd.id(),
    accountIds: [account.id],
    displayName: `${first} ${last}`,
    emailAddress: email,
    endpointId: rnd.id(),
    ...(rnd.chance(0.7) ? { avatarUrl: avatarUrl(email) } : {}),
  };
}

/** Companies, their sites, and some sites' departments: breadcrumbs one to three deep. */
function customerTree(account: FixtureAccount, rnd: FakerRandom): CustomerRecord[] {
  const out: CustomerRecord[] = [];
  for (let i = rnd.int(3, 5); i > 0; i--) {
    const root: CustomerRecord = { id: rnd.id(), accountId: account.id, name: rnd.faker.company.name() };
    out.push(root);
    for (const site of rnd.sample(SITE_KINDS, rnd.int(0, 3))) {
      const child: CustomerRecord = { id: rnd.id(), accountId: account.id, name: `${root.name} ${site}`, parentCustomerId: root.id };
      out.push(child);
      for (const dept of rnd.sample(DEPARTMENTS, rnd.chance(0.4) ? rnd.int(1, 2) : 0)) {
        out.push({ id: rnd.id(), accountId: account.id, name: `${site} ${dept}`, parentCustomerId: child.id });
      }
    }
  }
  return out;
}

/** The part of a world the snapshot does not hold, for db.json.world (see world-file.ts). */
export function worldExtrasOf(world: World, seed: number): WorldExtras {
  return {
    format: 1,
    seed,
    accounts: world.accounts.map((a) => ({
      accountId: a.account.id,
      contacts: a.contacts.map((c) => (c.customer ? { name: c.name, phone: c.phone, customerId: c.customer.id } : { name: c.name, phone: c.phone })),
      queues: a.queues,
      holdQueues: a.holdQueues,
    })),
  };
}

/**
 * The world as buildWorld made it, read back from a store: its records (in the order the seed wrote
 * them) and the extras file. No generator runs, so it does not depend on faker's draws. Undefined
 * when the store's records do not fit the fixtures (an account or a customer the other lacks).
 */
export function worldFromStore(fixtures: Fixtures, records: AccountRecordLists, extras: WorldExtras): World | undefined {
  const customersById = new Map(records.customers.map((c) => [c.id, c]));
  const fixtureIds = new Set(fixtures.users.map((u) => u.id));
  const accounts: AccountWorld[] = [];
  for (const account of fixtures.accounts) {
    const x = extras.accounts.find((e) => e.accountId === account.id);
    if (!x) return undefined;
    const pool = records.agents.filter((a) => a.accountIds.includes(account.id));
    const accountCustomers = records.customers.filter((c) => c.accountId === account.id);
    const byId = new Map(accountCustomers.map((c) => [c.id, c]));
    const contacts: Contact[] = [];
    for (const c of x.contacts) {
      const customer = c.customerId === undefined ? undefined : customersById.get(c.customerId);
      if (c.customerId !== undefined && !customer) return undefined;
      contacts.push(customer ? { name: c.name, phone: c.phone, customer } : { name: c.name, phone: c.phone });
    }
    accounts.push({
      account,
      numbers: records.endpoints.filter((e) => e.accountId === account.id && e.kind === 'PhoneNumber'),
      agents: pool,
      fixtureAgents: pool.filter((a) => fixtureIds.has(a.id)),
      teams: records.teams.filter((t) => t.accountId === account.id),
      contacts,
      queues: x.queues,
      holdQueues: x.holdQueues,
      breadcrumbs: new Map(accountCustomers.map((c) => [c.id, breadcrumbOf(c, byId)])),
    });
  }
  const endpoints = [...records.endpoints];
  return { accounts, customers: [...records.customers], endpoints, agents: [...records.agents], teams: [...records.teams], endpointsById: new Map(endpoints.map((e) => [e.id, e])) };
}
