import type { WireType } from '../../spec/wire-type.js';

/** What a value of this type may look like, worded for the person who sent the wrong one. */
export function allowedValues(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return 'any text';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number, e.g. 0 or 25';
    case 'number':
      return 'a number, e.g. 1.5';
    case 'enum':
      return `one of ${type.members.join(', ')}`;
    case 'list':
      return `a list of ${allowedValues(type.item)}, comma-separated (a,b), in brackets ([a,b]) or as repeated keys`;
    case 'dictionary':
      return 'a JSV map, e.g. {key:value}';
    case 'object':
      return `a JSV object of type ${type.type.name}, e.g. {name:value}`;
  }
}
