/**
 * How long an answer waits: fixed, uniform between two bounds, or lognormal around a median (the shape
 * real latency has: mostly near the median, with a long tail). One description, read from the command
 * line's text (--latency 200, 50-300, lognormal:80,0.4), from admin JSON, and from `Prefer: delay=`.
 */
export type DelaySpec =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/** Longest single wait: long enough for any timeout test, short enough that a typo does not hang a run. */
export const MAX_DELAY_MS = 600_000;

export class DelaySyntaxError extends Error {
  override readonly name = 'DelaySyntaxError';
}

const FORMS = "a number of ms (200), a range (50-300) or lognormal:MEDIAN,SIGMA (lognormal:80,0.4)";

/** The text form: `200`, `50-300`, `lognormal:80,0.4`. Throws DelaySyntaxError worded for the user. */
export function parseDelay(text: string): DelaySpec {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)(?:ms)?$/i.exec(t);
  if (m) return fixed(Number(m[1]));
  m = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return uniform(Number(m[1]), Number(m[2]));
  m = /^lognormal:\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)$/i.exec(t);
  if (m) return lognormal(Number(m[1]), Number(m[2]));
  throw new DelaySyntaxError(`'${text}' is not a delay; give ${FORMS}.`);
}

/** The JSON form: the text form, a number, or {"fixed"}, {"min","max"}, {"median","sigma"} in ms. */
export function readDelay(value: unknown): DelaySpec {
  if (typeof value === 'number') return fixed(value);
  if (typeof value === 'string') return parseDelay(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort().join(',');
    if (keys === 'fixed' && typeof o['fixed'] === 'number') return fixed(o['fixed']);
    if (keys === 'max,min' && typeof o['min'] === 'number' && typeof o['max'] === 'number') return uniform(o['min'], o['max']);
    if (keys === 'median,sigma' && typeof o['median'] === 'number' && typeof o['sigma'] === 'number') return lognormal(o['median'], o['sigma']);
  }
  throw new DelaySyntaxError(`${JSON.stringify(value)} is not a delay; give ${FORMS}, or {"fixed":MS}, {"min":MS,"max":MS}, {"median":MS,"sigma":S}.`);
}

/** One wait drawn from the spec, in whole ms, never above MAX_DELAY_MS. */
export function sampleDelay(spec: DelaySpec, random: () => number = Math.random): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return Math.round(spec.minMs + random() * (spec.maxMs - spec.minMs));
    case 'lognormal': {
      // Box-Muller: a standard normal from two uniforms (1 - u keeps log away from 0).
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.min(MAX_DELAY_MS, Math.round(spec.medianMs * Math.exp(spec.sigma * z)));
    }
  }
}

/** As the text form takes it, for listings and --print-config. */
export function formatDelay(spec: DelaySpec): string {
  switch (spec.kind) {
    case 'fixed':
      return String(spec.ms);
    case 'uniform':
      return `${spec.minMs}-${spec.maxMs}`;
    case 'lognormal':
      return `lognormal:${spec.medianMs},${spec.sigma}`;
  }
}

export function wait(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

function fixed(ms: number): DelaySpec {
  return { kind: 'fixed', ms: bounded(ms, 'the delay') };
}

function uniform(min: number, max: number): DelaySpec {
  if (min > max) throw new DelaySyntaxError(`The range ${min}-${max} runs backwards; give the smaller bound first.`);
  return { kind: 'uniform', minMs: bounded(min, 'the lower bound'), maxMs: bounded(max, 'the upper bound') };
}

function lognormal(median: number, sigma: number): DelaySpec {
  if (!(sigma >= 0 && sigma <= 5)) throw new DelaySyntaxError(`sigma ${sigma} is out of range; give 0 to 5 (0.2-0.6 looks like real latency).`);
  return { kind: 'lognormal', medianMs: bounded(median, 'the median'), sigma };
}

function bounded(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) throw new DelaySyntaxError(`${what} must be between 0 and ${MAX_DELAY_MS} ms; got ${ms}.`);
  return Math.round(ms);
}
