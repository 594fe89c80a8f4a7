/** Name conversions between the dialects' spellings of one CLR member. */

/** snake_case (Python) to PascalCase; camelCase to PascalCase. */
export function toPascalCase(name: string): string {
  if (name.includes('_')) {
    return name
      .split('_')
      .filter((p) => p.length > 0)
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('');
  }
  return name.length ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * ServiceStack.Text's ToCamelCase: lower-cases the leading run of capitals, keeping the last one of a
 * run followed by a lower-case letter (IsBYOA -> isBYOA, ID -> id, SMSId -> smsId).
 * Source: ServiceStack.Text StringExtensions.ToCamelCase.
 */
export function toCamelCase(name: string): string {
  const chars = [...name];
  let firstPart = true;
  for (let i = 0; i < chars.length; i++) {
    const c0 = chars[i]!;
    const c1 = i < chars.length - 1 ? chars[i + 1]! : 'A';
    const c0Upper = c0 >= 'A' && c0 <= 'Z';
    const c1Upper = c1 >= 'A' && c1 <= 'Z';
    if (firstPart && c0Upper && (c1Upper || i === 0)) chars[i] = c0.toLowerCase();
    else firstPart = false;
  }
  return chars.join('');
}

/** A spelling-independent key: DateCreated, dateCreated and date_created all give "datecreated". */
export function memberKey(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
