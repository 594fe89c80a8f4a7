/**
 * Typed reads of a bound, validated request DTO. Binding already produced the right JS types; these
 * only narrow `unknown` and apply ServiceStack's reading of an absent member.
 */
export function text(dto: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = dto[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function texts(dto: Readonly<Record<string, unknown>>, name: string): string[] {
  const v = dto[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** A CLR int: absent reads as 0. */
export function int(dto: Readonly<Record<string, unknown>>, name: string): number {
  const v = dto[name];
  return typeof v === 'number' ? v : 0;
}

/** A CLR bool: absent reads as false. */
export function flag(dto: Readonly<Record<string, unknown>>, name: string): boolean {
  return dto[name] === true;
}
