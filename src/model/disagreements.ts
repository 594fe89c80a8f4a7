import type { Disagreement } from './model-types.js';

/** Collects disagreements in the order they are found; the report and x-disagreements keep that order. */
export class DisagreementLog {
  readonly items: Disagreement[] = [];
  add(subject: string, evidence: readonly string[], resolution: string): void {
    this.items.push({ subject, evidence: [...evidence], resolution });
  }
}

/** The report `evo-mock generate` prints: one block per disagreement, evidence indented under it. */
export function formatDisagreements(items: readonly Disagreement[]): string {
  if (items.length === 0) return 'The pages agree on everything the generator reads.';
  const lines = [`${items.length} disagreement(s) between the pages, and how each was resolved:`];
  items.forEach((d, i) => {
    lines.push(`${i + 1}. ${d.subject}`);
    for (const e of d.evidence) lines.push(`     - ${e}`);
    lines.push(`   => ${d.resolution}`);
  });
  return lines.join('\n');
}
