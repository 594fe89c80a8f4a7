import type { ApiModel } from '../../spec/api-model.js';
import { EXTENSION } from '../../spec/extensions.js';
import type { CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';

/**
 * Some XML namespaces are not shown by any sample page and were inferred by the generator. When an XML
 * body of such a type fails to read or to round-trip, the spec may be what is wrong, so the failure
 * says so; against the real server that is the likelier reading.
 */
export function withInferredNamespaceHint(results: CheckResult[], obs: Observation, model: ApiModel): CheckResult[] {
  if (obs.request.format !== 'xml') return results;
  const schema = model.document.components?.schemas?.[obs.bodyType.name] as Record<string, unknown> | undefined;
  if (schema?.[EXTENSION.xmlNamespaceInferred] !== true) return results;
  const hint = ` (note: the spec infers ${obs.bodyType.name}'s namespace ${obs.bodyType.xmlNamespace}, no sample shows it; if this target is the real server, the spec may be wrong)`;
  // Only where a namespace can be the cause: the strict reader refused the body, or the bytes differ at a declaration.
  const aboutNamespace = (r: CheckResult) => r.check === 'parse' || (r.check === 'round-trip' && /xmlns/.test(r.message));
  return results.map((r) => (!r.ok && aboutNamespace(r) ? { ...r, message: r.message + hint } : r));
}
