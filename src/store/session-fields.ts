import type { WireObject } from '../spec/wire-type.js';
import { sortFieldsFrom, type SortFields } from './list-sessions.js';

/**
 * SessionInfo's sortable fields, read from the wire model the server builds from spec/openapi.json,
 * so a property added to the pages becomes sortable with no change here.
 */
export function sortFieldsFromWire(sessionInfo: WireObject): SortFields {
  return sortFieldsFrom(
    sessionInfo.properties.map((p) => (p.type.kind === 'enum' ? { name: p.name, enumMembers: p.type.members } : { name: p.name })),
  );
}
