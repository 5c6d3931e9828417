/**
 * The report document's shape as data, and a reader of it. document.ts builds the shape from the
 * format model; it is the one description of the document, with two uses: schema.ts turns it
 * into the zod schema (decode's problems by path, the JSON Schema), and `readShape` checks a
 * value against it without zod, as the editor does with a stored draft on its first load.
 */

export type Shape =
  | { readonly kind: 'string'; readonly minLength?: number; readonly maxLength: number }
  /** A whole number (a safe integer) in min…max. */
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  /** A finite number in min…max with at most `maxDecimals` decimal places. */
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly maxDecimals: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** An ISO 8601 date, YYYY-MM-DD. */
  | { readonly kind: 'date' }
  /** An ISO 8601 date and time with seconds, `Z` or an offset. */
  | { readonly kind: 'datetime' }
  | { readonly kind: 'nullable'; readonly of: Shape }
  /** A key of an object that may be left out. */
  | { readonly kind: 'optional'; readonly of: Shape }
  /** An object of exactly these keys (an unknown key is an error). */
  | { readonly kind: 'object'; readonly keys: Readonly<Record<string, Shape>> }
  | { readonly kind: 'array'; readonly of: Shape; readonly maxLength: number }
  | { readonly kind: 'record'; readonly key: Shape; readonly value: Shape };

/**
 * The patterns zod checks `date` and `datetime` with (schema.ts uses zod's own; a test holds
 * these to zod's, character for character). Written here so that reading a stored draft does
 * not load zod's module of patterns.
 */
const DATE_SOURCE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
export const DATE_PATTERN: RegExp = new RegExp(`^${DATE_SOURCE}$`);
export const DATETIME_PATTERN: RegExp = new RegExp(
  `^${DATE_SOURCE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`,
);

export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  const text = String(value);
  const exp = text.match(/e-(\d+)$/);
  if (exp) {
    const mantissa = text.split('e')[0]!;
    const frac = mantissa.split('.')[1] ?? '';
    return frac.length + Number(exp[1]);
  }
  return (text.split('.')[1] ?? '').length;
}

/** What `readShape` answers for a value that is not of its shape. */
export const NOT_VALID: unique symbol = Symbol('not valid');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The value read as `shape`: a copy built as zod builds its output (objects' keys in the shape's
 * order), or NOT_VALID. It answers NOT_VALID for everything zod refuses, and also for a few odd
 * things zod may accept (an object that is not plain, a `__proto__` key, an optional key present
 * as undefined): the caller then asks zod, which decides and says why.
 */
export function readShape(shape: Shape, value: unknown): unknown {
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string' && value.length <= shape.maxLength && (shape.minLength === undefined || value.length >= shape.minLength) ? value : NOT_VALID;
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= shape.min && value <= shape.max ? value : NOT_VALID;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= shape.min && value <= shape.max && decimalPlaces(value) <= shape.maxDecimals ? value : NOT_VALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : NOT_VALID;
    case 'literal':
      return value === shape.value ? value : NOT_VALID;
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value) ? value : NOT_VALID;
    case 'date':
      return typeof value === 'string' && DATE_PATTERN.test(value) ? value : NOT_VALID;
    case 'datetime':
      return typeof value === 'string' && DATETIME_PATTERN.test(value) ? value : NOT_VALID;
    case 'nullable':
      return value === null ? null : readShape(shape.of, value);
    case 'optional':
      // Only reached for a key that is present: present as undefined is zod's call.
      return value === undefined ? NOT_VALID : readShape(shape.of, value);
    case 'object': {
      if (!isPlainObject(value)) return NOT_VALID;
      const out: Record<string, unknown> = {};
      let present = 0;
      for (const key in shape.keys) {
        const keyShape = shape.keys[key]!;
        if (!Object.hasOwn(value, key)) {
          if (keyShape.kind === 'optional') continue;
          return NOT_VALID;
        }
        present++;
        const read = readShape(keyShape, value[key]);
        if (read === NOT_VALID) return NOT_VALID;
        out[key] = read;
      }
      // Exactly the shape's keys: any other own key (or an inherited enumerable one) is zod's call.
      let own = 0;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) return NOT_VALID;
        own++;
      }
      return own === present ? out : NOT_VALID;
    }
    case 'array': {
      if (!Array.isArray(value) || value.length > shape.maxLength) return NOT_VALID;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const read = readShape(shape.of, value[i]);
        if (read === NOT_VALID) return NOT_VALID;
        out[i] = read;
      }
      return out;
    }
    case 'record': {
      if (!isPlainObject(value)) return NOT_VALID;
      const out: Record<string, unknown> = {};
      for (const key of Reflect.ownKeys(value)) {
        if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) return NOT_VALID;
        if (readShape(shape.key, key) === NOT_VALID) return NOT_VALID;
        const read = readShape(shape.value, value[key]);
        if (read === NOT_VALID) return NOT_VALID;
        out[key] = read;
      }
      return out;
    }
  }
}
