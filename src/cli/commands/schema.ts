/** `nianbao schema` */
import { reportJsonSchema } from '../../report/index.ts';
import { parse, usageError } from '../args.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Print the JSON Schema of the report document';

export const usage = `Usage: nianbao schema

Prints the JSON Schema (draft 2020-12) of the report document, derived from the same zod
schema that decodes files. Computed cells (总计) are not part of it: they are never stored.`;

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, {});
  if (!parsed.ok) return usageError(io, 'schema', parsed.message);
  println(io.stdout, JSON.stringify(reportJsonSchema(), null, 2));
  return 0;
}
