import { WireParseError, type WireFormat } from './codec.js';

/**
 * Reading and writing the scalar values every format shares (bool, Int32, double, enum) as text.
 * The readers are as lenient as ServiceStack.Text's: they are what a ServiceStack server would
 * accept, so the mock never refuses a request the real API takes.
 */

export type EnumType = { readonly name: string; readonly members: readonly string[] };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Where a scalar came from, for the error message: the format and the field path. */
export interface ScalarContext {
  readonly format: WireFormat;
  /** Full path for the message, e.g. `members[0].role`. */
  readonly path?: string;
  /** The top-level member name reported as WireParseError.fieldName. */
  readonly fieldName?: string;
}

function fail(text: string, what: string, ctx: ScalarContext, hint = ''): never {
  const where = ctx.path ? ` for '${ctx.path}'` : '';
  throw new WireParseError(`'${clip(text)}' is not a valid ${what}${where}${hint}`, ctx.format, ctx.fieldName);
}

/** Keeps error messages short when someone sends a megabyte where a number belongs. */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

/**
 * ServiceStack's ParseBoolean: empty is false; `1/0`, `t/f`, `y/n` in either case; `on/off`;
 * otherwise `true`/`false` in any case. ServiceStack matches `on`/`off` in lower case only;
 * we accept any case, a superset that can only make the mock more forgiving.
 */
export function readBoolean(raw: string, ctx: ScalarContext): boolean {
  const text = raw.trim();
  switch (text.toLowerCase()) {
    case '':
    case '0':
    case 'f':
    case 'n':
    case 'off':
    case 'false':
      return false;
    case '1':
    case 't':
    case 'y':
    case 'on':
    case 'true':
      return true;
    default:
      return fail(raw, 'Boolean', ctx, ' (use true or false)');
  }
}

const INTEGER = /^[+-]?\d+$/;

/** Int32 as .NET's int.Parse reads it with NumberStyles.Integer: optional sign, surrounding spaces. */
export function readInt32(raw: string, ctx: ScalarContext): number {
  const text = raw.trim();
  if (!INTEGER.test(text)) fail(raw, 'Int32', ctx, ' (use a whole number)');
  const value = Number(text);
  if (value < INT32_MIN || value > INT32_MAX) {
    fail(raw, 'Int32', ctx, ` (use a whole number from ${INT32_MIN} to ${INT32_MAX})`);
  }
  // Normalise -0 so that "-0" reads as the 0 every format writes.
  return value === 0 ? 0 : value;
}

// Digits after the point only after a point: `\d+\.?\d*` could split a digit run two ways and
// backtracks quadratically when the text fails at its end.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Double in the invariant culture. NaN and infinities are refused: JSON cannot carry them. */
export function readDouble(raw: string, ctx: ScalarContext): number {
  const text = raw.trim();
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) fail(raw, 'Double', ctx, ' (use a decimal number)');
  return value === 0 ? 0 : value;
}

/**
 * Enum.Parse(type, text, ignoreCase: true): a member name in any case, or its number. Members
 * have no explicit values on the DTO pages, so a number is the member's position.
 */
export function readEnum(raw: string, type: EnumType, ctx: ScalarContext): string {
  const text = raw.trim();
  const lower = text.toLowerCase();
  const byName = type.members.find((m) => m.toLowerCase() === lower);
  if (byName !== undefined) return byName;
  if (INTEGER.test(text)) {
    const byIndex = type.members[Number(text)];
    if (byIndex !== undefined) return byIndex;
  }
  return fail(raw, type.name, ctx, ` (use one of ${type.members.join(', ')})`);
}

/**
 * How .NET Core 3.0+ prints a double (shortest round-trip form, invariant culture): plain digits
 * for exponents from -4 to 14, otherwise `1E+15` / `1E-05` style with at least two exponent digits.
 */
export function formatDouble(value: number): string {
  if (value === 0) return '0';
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent > -5 && exponent < 15) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  const digits = String(Math.abs(exponent)).padStart(2, '0');
  return `${mantissa.toUpperCase()}E${sign}${digits}`;
}
