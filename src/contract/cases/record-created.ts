import type { Observation } from '../observation.js';
import type { OperationFacts } from '../operation-facts.js';
import type { RunContext } from '../run-context.js';

/** Whatever a write answered with an id is listed at the end, even if the case expected a refusal. */
export function recordCreated(ctx: RunContext, facts: OperationFacts, obs: Observation): void {
  if (!facts.writes || obs.decoded.kind !== 'value' || obs.response.status >= 300) return;
  const id = obs.decoded.value['id'];
  if (typeof id !== 'string' || !id || ctx.created.some((c) => c.id === id)) return;
  ctx.created.push({ operationId: facts.op.operationId, type: facts.op.responseType.name, id });
}
