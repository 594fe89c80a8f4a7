import type { AccountScope } from '../../store/session-store.js';
import type { Principal } from '../auth/authenticate.js';
import { notAuthenticated } from '../auth/authorize.js';

/** The signed-in API user of an operation that needs one (the spec says so, and authorize enforced it). "Caller" is kept for the person phoning. */
export function signedInUser(principal: Principal | undefined): Principal {
  if (!principal) throw notAuthenticated();
  return principal;
}

/** An anonymous request reaches no account. */
export function scopeOf(principal: Principal | undefined): AccountScope {
  return principal?.scope ?? new Set<string>();
}
