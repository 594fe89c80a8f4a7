import type { CheckResult } from '../check-result.js';
import { checkFilter } from '../checks/filter-check.js';
import { checkPageSize, checkPaging } from '../checks/paging-check.js';
import { checkSort } from '../checks/sort-check.js';
import type { Observation } from '../observation.js';
import type { OperationFacts } from '../operation-facts.js';

/** The invariants every successful list answer is held to, whatever case asked for it. */
export function listInvariants(facts: OperationFacts, obs: Observation, expectNonEmpty = false): CheckResult[] {
  const shape = facts.shape;
  if (!shape) return [];
  return [checkPageSize(obs, shape), checkPaging(obs, shape), checkSort(obs, shape), checkFilter(obs, shape, expectNonEmpty)].filter(
    (r): r is CheckResult => r !== undefined,
  );
}
