/** Option parsing for the commands: node:util parseArgs, with its errors turned into one line. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export type Parsed<O extends OptionSpec> =
  | { ok: true; values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] }
  | { ok: false; message: string };

export function parse<O extends OptionSpec>(args: string[], options: O, { positionals = false } = {}): Parsed<O> {
  try {
    const result = parseArgs({ args, options, allowPositionals: positionals, strict: true });
    return { ok: true, values: result.values as never, positionals: result.positionals };
  } catch (e) {
    return { ok: false, message: parseErrorMessage(e) };
  }
}

function parseErrorMessage(e: unknown): string {
  const error = e as { code?: string; message?: string };
  const text = String(error.message ?? e);
  // Node's messages go on about '--' for positionals; the first sentence is the useful part.
  const option = text.match(/'(-[^']*)'/)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? text}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (option && text.includes('argument missing')) return `option ${option.replace(/ <value>$/, '')} needs a value`;
      return option ? `option ${option} takes no value` : text.split('. ')[0]!;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${option ?? text.match(/'([^']*)'/)?.[1] ?? ''}`.trim();
    default:
      return text.split('. ')[0]!;
  }
}

/** A usage mistake: one line on stderr, exit code 2. */
export function usageError(io: { stderr: { write(text: string): unknown } }, command: string, problem: string): number {
  io.stderr.write(`nianbao ${command}: ${problem} (see: nianbao ${command} --help)\n`);
  return 2;
}
