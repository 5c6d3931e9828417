/**
 * The zod schema of the report document, made from its shape (document.ts, from the model): the
 * problems decode names by path, and the JSON Schema of `nianbao schema`. A valid document is
 * read by readShape (the same shape, without zod's generic machinery); zod parses only what that
 * refuses, and its issues say why.
 */
import * as z from 'zod/mini';
import { REPORT_SHAPE, type Report } from './document.ts';
import { NOT_VALID, decimalPlaces, isWellFormedText, readShape, type Shape } from './shape.ts';

function toZod(shape: Shape, made: Map<Shape, z.ZodMiniType>): z.ZodMiniType {
  // A shape used in many places (a count, a row of 三) becomes one schema, as it was written.
  const known = made.get(shape);
  if (known) return known;
  const schema = zodOf(shape, made);
  made.set(shape, schema);
  return schema;
}

function zodOf(shape: Shape, made: Map<Shape, z.ZodMiniType>): z.ZodMiniType {
  switch (shape.kind) {
    case 'string': {
      const wellFormed = z.refine<string>((v) => isWellFormedText(v), { params: { reason: 'illFormed' } });
      return shape.minLength === undefined
        ? z.string().check(z.maxLength(shape.maxLength), wellFormed)
        : z.string().check(z.minLength(shape.minLength), z.maxLength(shape.maxLength), wellFormed);
    }
    case 'int':
      return z.int().check(z.minimum(shape.min), z.maximum(shape.max));
    case 'number': {
      const places = shape.maxDecimals;
      return z.number().check(
        z.minimum(shape.min),
        z.maximum(shape.max),
        z.refine((v: number) => decimalPlaces(v) <= places, { params: { reason: 'decimals' } }),
      );
    }
    case 'boolean':
      return z.boolean();
    case 'literal':
      return z.literal(shape.value);
    case 'enum':
      return z.enum(shape.values as [string, ...string[]]);
    case 'date':
      return z.iso.date();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'nullable':
      return z.nullable(toZod(shape.of, made));
    case 'optional':
      return z.optional(toZod(shape.of, made));
    case 'object':
      return z.strictObject(Object.fromEntries(Object.entries(shape.keys).map(([k, v]) => [k, toZod(v, made)])));
    case 'array':
      return z.array(toZod(shape.of, made)).check(z.maxLength(shape.maxLength));
    case 'record':
      return z.record(toZod(shape.key, made) as z.ZodMiniString, toZod(shape.value, made));
  }
}

/** The zod schema of a shape, without the fast path: what `reportSchema` must equal, issue for issue (for tests). */
export function shapeSchema(shape: Shape): z.ZodMiniType {
  return toZod(shape, new Map());
}

/** The report schema without the fast path (for the tests that hold the fast path to it). */
export function plainReportSchema(): z.ZodMiniType<Report> {
  return shapeSchema(REPORT_SHAPE) as z.ZodMiniType<Report>;
}

/**
 * The report schema. A valid document takes readShape's one pass; anything else zod parses
 * the plain way, so the issues of a bad document, and hence its decode problems, are those of
 * the plain schema.
 */
export const reportSchema: z.ZodMiniType<Report> = /* @__PURE__ */ z.withParser(plainReportSchema(), (input) => {
  const read = readShape(REPORT_SHAPE, input);
  return read === NOT_VALID ? z.INVALID : (read as Report);
});

/** The JSON Schema of the document, for other tools (`nianbao schema`). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { unrepresentable: 'any' });
}
