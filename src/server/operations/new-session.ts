import { randomUUID } from 'node:crypto';
import type { SessionInfo, SessionMemberInfo } from '../../generated/dtos.js';
import type { FixtureUser } from '../../store/fixtures.js';
import type { AccountScope, AgentRecord, CustomerView, SessionStore } from '../../store/session-store.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { validationError, type FieldError } from '../errors/service-error.js';
import { signedInUser } from './signed-in-user.js';
import { text, texts } from './dto-fields.js';
import type { OperationHandler } from './handler.js';

/** A new entity id as ServiceStack writes a Guid: 32 hex digits, no dashes ("N" format). */
export function newGuidN(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * POST /sessions. Applies the defaults the page documents (direction Outgoing, callState Connected,
 * fromAddress the user's email), stamps id, dates and createdBy, and turns withAddress
 * (user:ID / team:ID) and memberEmailAddresses into members. NewSession has no account member, so
 * the account is the customer's, else the parent session's, else the signed-in user's first account.
 * Unknown references are a 400 naming the field; the session is acknowledged only once on disk.
 */
export function newSession(store: SessionStore, userDirectory: UserDirectory): OperationHandler {
  return async ({ dto, principal }) => {
    const { user, scope } = signedInUser(principal);
    const errors: FieldError[] = [];

    const parentSessionId = text(dto, 'parentSessionId');
    const parent = parentSessionId !== undefined ? store.get(parentSessionId, scope) : undefined;
    if (parentSessionId !== undefined && !parent) {
      errors.push(bad('ParentSessionId', `No session '${parentSessionId}' exists in the accounts you reach; give an existing session's id, or leave ParentSessionId out.`));
    }
    const customerId = text(dto, 'customerId');
    const customer = customerId !== undefined ? store.customer(customerId, scope) : undefined;
    if (customerId !== undefined && !customer) {
      errors.push(bad('CustomerId', `No customer '${customerId}' exists in the accounts you reach; give an existing customer's id, or leave CustomerId out.`));
    }
    const accountId = customer?.accountId ?? parent?.accountId ?? userDirectory.accountsOf(user)[0]?.id;
    if (accountId === undefined) {
      errors.push(bad('CustomerId', 'You reach no account to create the session in; sign in as a user with an account, or give a CustomerId.'));
    }
    if (customer && parent && parent.accountId !== customer.accountId) {
      errors.push(bad('ParentSessionId', `Session '${parentSessionId}' belongs to another account than customer '${customerId}'; a child session stays in its parent's account.`));
    }
    const members = resolveMembers(dto, store, scope, errors);
    const [first, ...rest] = errors;
    if (first) throw validationError([first, ...rest]);

    const now = store.now().toISOString();
    const displayName = `${user.firstName} ${user.lastName}`;
    const session: SessionInfo = {
      id: newGuidN(),
      dateCreated: now,
      dateLastModified: now,
      createdBy: user.id,
      lastModifiedBy: user.id,
      dialState: 'None',
      callState: (text(dto, 'callState') ?? 'Connected') as SessionInfo['callState'],
      queueState: 'None',
      accountId,
      accountName: accountId !== undefined ? userDirectory.account(accountId)?.name : undefined,
      ...customerFields(customer),
      endpointId: user.endpointId,
      endpointName: store.endpoint(user.endpointId, 'all')?.name ?? displayName,
      destination: text(dto, 'destination'),
      toAddress: text(dto, 'toAddress'),
      fromAddress: text(dto, 'fromAddress') ?? user.userName,
      fromName: text(dto, 'fromName'),
      channel: (text(dto, 'channel') ?? 'Voice') as SessionInfo['channel'],
      ended: false,
      holdReason: 'None',
      displayName: text(dto, 'displayName'),
      log: [{ date: now, message: `Session created by ${displayName}` }],
      members: dedupe([creatorMember(user), ...members]),
      direction: (text(dto, 'direction') ?? 'Outgoing') as SessionInfo['direction'],
      fromPhoneNumber: text(dto, 'fromPhoneNumber'),
      wasMissed: false,
    };
    return store.create({ session: withoutUndefined(session), ...(parentSessionId !== undefined ? { parentSessionId } : {}) });
  };
}

function customerFields(customer: CustomerView | undefined): Partial<SessionInfo> {
  if (!customer) return {};
  return { customerId: customer.id, customerName: customer.name, customerBreadcrumb: [...customer.breadcrumb] };
}

function creatorMember(user: FixtureUser): SessionMemberInfo {
  return {
    // Members are identified by user id (what GetMySessions matches on).
    identity: user.id,
    endpointId: user.endpointId,
    displayName: `${user.firstName} ${user.lastName}`,
    isOriginalMember: true,
    avatarUrl: user.avatarUrl,
    applicationData: {},
    callState: 'Connected',
    role: 'Agent',
    muted: false,
  };
}

/** withAddress (user:ID or team:ID) and memberEmailAddresses, each resolved within the signed-in user's accounts. */
function resolveMembers(dto: Readonly<Record<string, unknown>>, store: SessionStore, scope: AccountScope, errors: FieldError[]): SessionMemberInfo[] {
  const members: SessionMemberInfo[] = [];
  const withAddress = text(dto, 'withAddress');
  if (withAddress !== undefined) {
    const match = /^(user|team):(.+)$/i.exec(withAddress.trim());
    const kind = match?.[1]!.toLowerCase();
    const id = match?.[2]!.trim() ?? '';
    if (kind === 'user') {
      const agent = store.agent(id, scope);
      if (agent) members.push(invitedMember(agent));
      else errors.push(bad('WithAddress', `No user '${id}' exists in the accounts you reach; use user:ID with an existing user's id.`));
    } else if (kind === 'team') {
      const team = store.team(id, scope);
      if (team) {
        for (const agentId of team.agentIds) {
          const agent = store.agent(agentId, scope);
          if (agent) members.push(invitedMember(agent));
        }
      } else errors.push(bad('WithAddress', `No team '${id}' exists in the accounts you reach; use team:ID with an existing team's id.`));
    } else {
      errors.push(bad('WithAddress', `'${withAddress}' is not an address; use user:ID or team:ID.`));
    }
  }
  for (const email of texts(dto, 'memberEmailAddresses')) {
    const agent = store.agentByEmail(email, scope);
    if (agent) members.push(invitedMember(agent));
    else errors.push(bad('MemberEmailAddresses', `No user with the email address '${email}' exists in the accounts you reach; list existing users' addresses.`));
  }
  return members;
}

function invitedMember(agent: AgentRecord): SessionMemberInfo {
  return {
    identity: agent.id,
    endpointId: agent.endpointId,
    displayName: agent.displayName,
    isOriginalMember: true,
    avatarUrl: agent.avatarUrl,
    applicationData: {},
    callState: 'Ringing',
    role: 'Agent',
    muted: false,
  };
}

/** One member per endpoint: the creator named in memberEmailAddresses is not added twice. */
function dedupe(members: SessionMemberInfo[]): SessionMemberInfo[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = m.endpointId ?? m.identity ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function bad(fieldName: string, message: string): FieldError {
  return { errorCode: 'ArgumentException', fieldName, message };
}

/** Nulls are omitted on the wire; the stored record leaves them out too. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
