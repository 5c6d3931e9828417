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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nativeWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

/**
 * No lone UTF-16 surrogate in the text: such a string cannot be encoded (encodeURIComponent
 * throws, TextEncoder writes U+FFFD), so a document holding one is refused where it is read.
 */
export const isWellFormedText: (text: string) => boolean = nativeWellFormed
  ? (text) => nativeWellFormed.call(text)
  : (text) => !LONE_SURROGATE.test(text);

/** What `readShape` answers for a value that is not of its shape. */
export const NOT_VALID: unique symbol = Symbol('not valid');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A reader of one shape: the value read (a copy, for objects and arrays), or NOT_VALID. */
type Reader = (value: unknown) => unknown;

/**
 * Each shape's reader, made once: a walk that switched on every node's kind was most of
 * decode's cost, and one reader per object shape keeps its property reads of like objects
 * (every report's `meta`, every row of 三) on the same inline cache. Shapes are never changed.
 */
const READERS = new WeakMap<Shape, Reader>();

function readerOf(shape: Shape): Reader {
  let reader = READERS.get(shape);
  if (reader === undefined) {
    reader = makeReader(shape);
    READERS.set(shape, reader);
  }
  return reader;
}

/**
 * The value read as `shape`: a copy built as zod builds its output (objects' keys in the shape's
 * order), or NOT_VALID. It answers NOT_VALID for everything zod refuses, and also for a few odd
 * things zod may accept (an object that is not plain, a `__proto__` key, an optional key present
 * as undefined): the caller then asks zod, which decides and says why.
 */
export function readShape(shape: Shape, value: unknown): unknown {
  // The readers count an object's own keys only: with an enumerable key on Object.prototype
  // (a polluted page), every object would have one more, and zod decides.
  for (const _ in Object.prototype) return NOT_VALID;
  return readerOf(shape)(value);
}

function makeReader(shape: Shape): Reader {
  switch (shape.kind) {
    case 'string': {
      const { maxLength } = shape;
      const minLength = shape.minLength ?? 0;
      return (value) =>
        typeof value === 'string' && value.length <= maxLength && value.length >= minLength && isWellFormedText(value) ? value : NOT_VALID;
    }
    case 'int': {
      const { min, max } = shape;
      return (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : NOT_VALID);
    }
    case 'number': {
      const { min, max, maxDecimals } = shape;
      return (value) =>
        typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && decimalPlaces(value) <= maxDecimals ? value : NOT_VALID;
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : NOT_VALID);
    case 'literal': {
      const literal = shape.value;
      return (value) => (value === literal ? value : NOT_VALID);
    }
    case 'enum': {
      const { values } = shape;
      return (value) => (typeof value === 'string' && values.includes(value) ? value : NOT_VALID);
    }
    case 'date':
      return (value) => (typeof value === 'string' && DATE_PATTERN.test(value) ? value : NOT_VALID);
    case 'datetime':
      return (value) => (typeof value === 'string' && DATETIME_PATTERN.test(value) ? value : NOT_VALID);
    case 'nullable': {
      if (shape.of.kind === 'int') {
        // A count, the commonest value of a report: one call, not two.
        const { min, max } = shape.of;
        return (value) =>
          value === null ? null : typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : NOT_VALID;
      }
      const of = readerOf(shape.of);
      return (value) => (value === null ? null : of(value));
    }
    case 'optional': {
      // Only reached for a key that is present: present as undefined is zod's call.
      const of = readerOf(shape.of);
      return (value) => (value === undefined ? NOT_VALID : of(value));
    }
    case 'object':
      return objectReader(shape.keys);
    case 'array': {
      const of = readerOf(shape.of);
      const { maxLength } = shape;
      return (value) => {
        if (!Array.isArray(value) || value.length > maxLength) return NOT_VALID;
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const read = of(value[i]);
          if (read === NOT_VALID) return NOT_VALID;
          out[i] = read;
        }
        return out;
      };
    }
    case 'record': {
      const readKey = readerOf(shape.key);
      const readValue = readerOf(shape.value);
      return (value) => {
        if (!isPlainObject(value)) return NOT_VALID;
        const out: Record<string, unknown> = {};
        for (const key of Reflect.ownKeys(value)) {
          if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) return NOT_VALID;
          if (readKey(key) === NOT_VALID) return NOT_VALID;
          const read = readValue(value[key]);
          if (read === NOT_VALID) return NOT_VALID;
          out[key] = read;
        }
        return out;
      };
    }
  }
}

function objectReader(shapeKeys: Readonly<Record<string, Shape>>): Reader {
  const keys = Object.keys(shapeKeys);
  const readers = keys.map((key) => readerOf(shapeKeys[key]!));
  const optional = keys.map((key) => shapeKeys[key]!.kind === 'optional');
  const n = keys.length;
  /** Keys in any order: each of the shape's looked up, then no other own key. */
  const anyOrder = (value: Record<string, unknown>): unknown => {
    const out: Record<string, unknown> = {};
    let present = 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(value, key)) {
        if (optional[i]) continue;
        return NOT_VALID;
      }
      present++;
      const read = readers[i]!(value[key]);
      if (read === NOT_VALID) return NOT_VALID;
      out[key] = read;
    }
    return Object.keys(value).length === present ? out : NOT_VALID;
  };
  return (value) => {
    if (!isPlainObject(value)) return NOT_VALID;
    // Keys in the shape's order, as a file written by us has them: one pass over the object's
    // own keys (for-in reads of the key it yields are the engine's fast case).
    const out: Record<string, unknown> = {};
    let i = 0;
    for (const key in value) {
      while (i < n && keys[i] !== key) {
        if (!optional[i]) return anyOrder(value);
        i++;
      }
      if (i === n) return anyOrder(value);
      const read = readers[i]!(value[key]);
      if (read === NOT_VALID) return NOT_VALID;
      out[key] = read;
      i++;
    }
    for (; i < n; i++) if (!optional[i]) return anyOrder(value);
    return out;
  };
}
