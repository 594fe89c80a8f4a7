/**
 * Reads `Description="..."` (or any Name="...") out of an attribute as the DTO code renders it:
 * Python comments `# @ApiMember(Description="...")`, F# `[<ApiMember(Description="...")>]`.
 * Backslash escapes are honoured, so a description may hold quotes, commas and parentheses.
 */
export function attributeString(line: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*"`).exec(line);
  if (!m) return undefined;
  let i = m.index + m[0].length;
  let out = '';
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      const next = line[i + 1]!;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    if (ch === '"') {
      // F# and C# verbatim style: a doubled quote stands for one.
      if (line[i + 1] === '"') {
        out += '"';
        i += 2;
        continue;
      }
      return out;
    }
    out += ch;
    i++;
  }
  return undefined;
}

/** Splits `a, b[c, d], e<f, g>` at top-level commas. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '[' || ch === '<' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === '>' || ch === ')' || ch === '}') depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts.filter((p) => p !== '');
}
