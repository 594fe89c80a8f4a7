import { PageParseError } from './page-model.js';

/**
 * The metadata pages show JSV in TypeSerializer's "Dump" form (a newline and tab after every `{ [ ,`,
 * a space after each key's `:`), collapsed by HTML into single spaces. The wire form has no
 * whitespace outside values (docs/servicestack-wire.md section 1). Quoted strings are kept verbatim.
 */
export function compactJsv(pretty: string): string {
  const s = pretty.trim();
  let out = '';
  const stack: Array<'{' | '['> = [];
  let expectingKey = false;
  let i = 0;
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      const end = quotedEnd(s, i);
      out += s.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      out += ch;
      i++;
      skipSpace();
      expectingKey = ch === '{';
      continue;
    }
    if (ch === '}' || ch === ']') {
      stack.pop();
      out = out.replace(/\s+$/, '');
      out += ch;
      i++;
      continue;
    }
    if (ch === ',') {
      out = out.replace(/\s+$/, '');
      out += ch;
      i++;
      skipSpace();
      expectingKey = stack[stack.length - 1] === '{';
      continue;
    }
    if (ch === ':' && expectingKey) {
      out = out.replace(/\s+$/, '');
      out += ch;
      i++;
      skipSpace();
      expectingKey = false;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function quotedEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  throw new PageParseError(`unterminated quoted JSV string starting at ${start}`);
}

export type JsvValue = string | JsvValue[] | { [key: string]: JsvValue };

/** Parses compact JSV into strings, lists and maps (JSV carries no scalar types; the model gives them). */
export function parseJsvSample(text: string): JsvValue {
  let i = 0;
  const value = (): JsvValue => {
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: { [key: string]: JsvValue } = {};
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        const key = scalar(':');
        if (text[i] !== ':') throw new PageParseError(`expected ':' after JSV key '${key}' at ${i}`);
        i++;
        Object.defineProperty(obj, key, { value: value(), enumerable: true, writable: true, configurable: true });
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else throw new PageParseError(`expected ',' or '}' in JSV at ${i}`);
      }
    }
    if (ch === '[') {
      i++;
      const list: JsvValue[] = [];
      if (text[i] === ']') {
        i++;
        return list;
      }
      for (;;) {
        list.push(value());
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return list;
        } else throw new PageParseError(`expected ',' or ']' in JSV at ${i}`);
      }
    }
    return scalar(',');
  };
  const scalar = (stop: string): string => {
    if (text[i] === '"') {
      const end = quotedEnd(text, i);
      const v = text.slice(i + 1, end - 1).replace(/""/g, '"');
      i = end;
      return v;
    }
    const start = i;
    while (i < text.length && text[i] !== stop && text[i] !== ',' && text[i] !== '}' && text[i] !== ']') i++;
    return text.slice(start, i);
  };
  const v = value();
  if (i !== text.length) throw new PageParseError(`unexpected '${text.slice(i, i + 20)}' after the JSV value`);
  return v;
}
