import type { CustomerBreadcrumb } from '../generated/dtos.js';
import type { AccountScope, CustomerView } from './session-store.js';
import type { AccountRecordLists, AgentRecord, CustomerRecord, EndpointRecord, TeamRecord } from './store-data.js';

/**
 * The records that sit beside the sessions (customers, endpoints, agents, teams), each looked up by id
 * and answered only within the account scope of whoever asks.
 */
export class AccountRecords {
  private readonly customers: Map<string, CustomerRecord>;
  private readonly endpoints: Map<string, EndpointRecord>;
  private readonly agents: Map<string, AgentRecord>;
  private readonly agentsByEmail: Map<string, AgentRecord>;
  private readonly teams: Map<string, TeamRecord>;

  constructor(data: AccountRecordLists) {
    this.customers = new Map(data.customers.map((c) => [c.id, c]));
    this.endpoints = new Map(data.endpoints.map((e) => [e.id, e]));
    this.agents = new Map(data.agents.map((a) => [a.id, a]));
    this.agentsByEmail = new Map(data.agents.map((a) => [a.emailAddress.toLowerCase(), a]));
    this.teams = new Map(data.teams.map((t) => [t.id, t]));
  }

  customer(id: string, scope: AccountScope): CustomerView | undefined {
    const c = this.customers.get(id);
    return c && reaches(scope, c.accountId) ? { ...c, breadcrumb: breadcrumbOf(c, this.customers) } : undefined;
  }

  endpoint(id: string, scope: AccountScope): EndpointRecord | undefined {
    const e = this.endpoints.get(id);
    return e && reaches(scope, e.accountId) ? e : undefined;
  }

  agent(id: string, scope: AccountScope): AgentRecord | undefined {
    return visibleAgent(this.agents.get(id), scope);
  }

  agentByEmail(emailAddress: string, scope: AccountScope): AgentRecord | undefined {
    return visibleAgent(this.agentsByEmail.get(emailAddress.trim().toLowerCase()), scope);
  }

  team(id: string, scope: AccountScope): TeamRecord | undefined {
    const t = this.teams.get(id);
    return t && reaches(scope, t.accountId) ? t : undefined;
  }
}

/** Root first, the customer last. A cycle in hand-edited data stops the walk instead of hanging. */
export function breadcrumbOf(c: CustomerRecord, customers: ReadonlyMap<string, CustomerRecord>): CustomerBreadcrumb[] {
  const path: CustomerBreadcrumb[] = [];
  const seen = new Set<string>();
  for (let at: CustomerRecord | undefined = c; at && !seen.has(at.id); at = at.parentCustomerId ? customers.get(at.parentCustomerId) : undefined) {
    seen.add(at.id);
    path.unshift({ id: at.id, name: at.name });
  }
  return path;
}

export function reaches(scope: AccountScope, accountId: string | null | undefined): boolean {
  return scope === 'all' || (accountId != null && scope.has(accountId));
}

function visibleAgent(a: AgentRecord | undefined, scope: AccountScope): AgentRecord | undefined {
  return a && (scope === 'all' || a.accountIds.some((id) => scope.has(id))) ? a : undefined;
}
