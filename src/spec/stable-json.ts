/**
 * Writes the spec the same way every time: 2-space indent, a trailing newline, and keys in the order
 * the builder inserts them (the builder is deterministic; member order inside `properties` carries
 * meaning, so keys are not re-sorted).
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
