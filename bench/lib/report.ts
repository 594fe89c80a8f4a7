export interface Row {
  readonly scenario: string;
  readonly ours: string;
  readonly peer: string;
  readonly ratio: string;
  readonly target: string;
  readonly ok: boolean | undefined;
}

export function fmtRps(n: number): string {
  return `${Math.round(n).toLocaleString('en-US')}/s`;
}

export function ratio(ours: number, peer: number): number {
  return peer > 0 ? ours / peer : Number.POSITIVE_INFINITY;
}

export function printTable(rows: readonly Row[]): void {
  const head: Row = { scenario: 'scenario', ours: 'evo-mock', peer: 'peer', ratio: 'ratio', target: 'target', ok: undefined };
  const cols = ['scenario', 'ours', 'peer', 'ratio', 'target'] as const;
  const widths = cols.map((c) => Math.max(...[head, ...rows].map((r) => r[c].length)));
  const line = (r: Row, verdict: string) => cols.map((c, i) => r[c].padEnd(widths[i] ?? 0)).join('  ') + '  ' + verdict;
  console.log(line(head, 'result'));
  console.log(widths.map((w) => '-'.repeat(w)).join('  ') + '  ------');
  for (const r of rows) console.log(line(r, r.ok === undefined ? '' : r.ok ? 'PASS' : 'MISS'));
}
