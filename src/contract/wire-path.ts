import type { WireObject, WireType } from '../spec/wire-type.js';

/**
 * Names the DTO member a JSON pointer into a body lands on, as `Type.member` (or `Type` for an object
 * itself), so that the same defect reads the same in a GetSession answer (/ended) and in the 25th item
 * of a list (/items/24/ended). Unknown steps keep the pointer's last segment.
 */
export function memberAt(root: WireObject, pointer: string): string {
  const steps = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let owner: WireObject = root;
  let current: WireType | undefined = { kind: 'object', type: root };
  let label = root.name;
  for (const step of steps) {
    if (current === undefined) return `${label}/${step}`;
    switch (current.kind) {
      case 'object': {
        owner = current.type;
        const prop = owner.properties.find((p) => p.name === step);
        label = `${owner.name}.${step}`;
        current = prop?.type;
        break;
      }
      case 'list':
        current = current.item;
        if (current.kind === 'object') label = current.type.name;
        break;
      case 'dictionary':
        current = current.value;
        label = `${label}{}`;
        break;
      default:
        return `${label}/${step}`;
    }
  }
  return label;
}
