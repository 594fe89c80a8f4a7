import type { Codec } from '../../wire/codec.js';
import { fail, pass, type CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';

/**
 * ServiceStack clients depend on the exact bytes of XML (DataContractSerializer is order- and
 * namespace-strict) and JSV (TypeSerializer has no whitespace, writes True/False, quotes only where
 * needed). So a body must be exactly what the project's codec writes for the value it reads as.
 * The one allowance: .NET Framework writes `xmlns:i` before `xmlns` and .NET Core the other way round,
 * so the order of namespace declarations within a tag is not held against a target.
 */
export function checkRoundTrip(obs: Observation, codec: Codec): CheckResult | undefined {
  if (codec.format === 'json' || obs.decoded.kind !== 'value') return undefined;
  let expected: string;
  try {
    expected = codec.stringify(obs.decoded.value, obs.bodyType);
  } catch (err) {
    return fail('round-trip', `the codec cannot write back the value this body reads as: ${err instanceof Error ? err.message : String(err)}`);
  }
  const actual = obs.response.text;
  if (actual === expected) return pass('round-trip', `byte-identical to the ${codec.format.toUpperCase()} writer`);
  if (codec.format === 'xml' && canonicalXmlnsOrder(actual) === canonicalXmlnsOrder(expected)) {
    return pass('round-trip', 'identical to the XML writer but for the order of xmlns declarations', 'xmlns declaration order differs from the codec (accepted: .NET Framework and .NET Core order them differently)');
  }
  const writer = codec.format === 'xml' ? 'DataContractSerializer' : 'TypeSerializer';
  const { at, body, written } = differingTokens(actual, expected);
  // The differing words, not the byte offset, name the defect: JSV's `false` for `False` is one cause in every answer.
  const problems = [{ cause: `${codec.format.toUpperCase()} has ${JSON.stringify(body)} where ${writer} writes ${JSON.stringify(written)}`, at: `byte ${at}` }];
  return fail('round-trip', `not what ${writer} writes for this value: ${firstDifference(actual, expected)}`, problems);
}

/** The whole words (letters, digits, _ and -) around the first difference, in the body and in the writer's text. */
function differingTokens(actual: string, expected: string): { at: number; body: string; written: string } {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const word = /[\w-]/;
  let start = i;
  while (start > 0 && word.test(actual[start - 1]!)) start--;
  const to = (s: string) => {
    let end = i;
    while (end < s.length && word.test(s[end]!)) end++;
    return s.slice(start, Math.max(end, i + 1));
  };
  return { at: i, body: to(actual), written: to(expected) };
}

/** Sorts the xmlns declarations inside each start tag, leaving everything else byte for byte. */
export function canonicalXmlnsOrder(xml: string): string {
  return xml.replace(/<([A-Za-z_][\w.:-]*)((?:\s+[^\s=<>/]+\s*=\s*"[^"]*")+)(\s*\/?)>/g, (_m, name: string, attrs: string, end: string) => {
    const list = attrs.match(/[^\s=<>/]+\s*=\s*"[^"]*"/g) ?? [];
    const ns = list.filter((a) => a.startsWith('xmlns')).sort();
    const other = list.filter((a) => !a.startsWith('xmlns'));
    return `<${name} ${[...ns, ...other].join(' ')}${end}>`;
  });
}

/** Where two texts first differ, with a little context, so a reader sees the defect at once. */
export function firstDifference(actual: string, expected: string): string {
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 30);
  const show = (s: string) => JSON.stringify(s.slice(from, i + 40)) + (s.length > i + 40 ? '…' : '');
  return `at byte ${i}, the body has ${show(actual)} where the writer has ${show(expected)}`;
}
