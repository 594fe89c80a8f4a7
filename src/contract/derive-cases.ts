import type { ApiModel } from '../spec/api-model.js';
import type { WireFormat } from '../wire/codec.js';
import { listCases } from './cases/list-cases.js';
import { negativeCases } from './cases/negative-cases.js';
import { basicCase } from './cases/positive-cases.js';
import { propertyCase } from './cases/property-case.js';
import { crossFormatCase } from './cases/cross-format-case.js';
import type { ContractCase } from './contract-case.js';
import { factsOf, type OperationFacts } from './operation-facts.js';

/**
 * Every case, for every operation in the spec and every selected format, in the order they must run:
 * first the reads that need nothing (their answers fill the data pool, JSON first), then reads by id,
 * list invariants, refusals, writes, generated cases and the cross-format comparisons.
 */
export function deriveCases(model: ApiModel, formats: readonly WireFormat[]): ContractCase[] {
  const facts = model.operations.map((op) => factsOf(model, op));
  const reads = facts.filter((f) => !f.writes);
  const discovery = reads.filter((f) => f.op.pathParams.length === 0);
  const byId = reads.filter((f) => f.op.pathParams.length > 0);
  const writes = facts.filter((f) => f.writes);
  const each = (list: OperationFacts[], make: (f: OperationFacts, format: WireFormat) => ContractCase | ContractCase[] | undefined) =>
    list.flatMap((f) => formats.flatMap((format) => [make(f, format) ?? []].flat()));
  return [
    ...each(discovery, basicCase),
    ...each(byId, basicCase),
    ...each(reads, listCases),
    ...each(facts, negativeCases),
    ...each(writes, basicCase),
    ...each(facts, propertyCase),
    ...facts.flatMap((f) => crossFormatCase(f, formats) ?? []),
  ];
}
