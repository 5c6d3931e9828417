/**
 * The `nianbao` command line: dispatches to src/cli/commands/<name>.ts. Each command module
 * exports `summary` (one line for the list), `usage` (its --help) and
 * `run(args, io) => Promise<exit code>`. bin/nianbao.mjs calls main() with process's streams;
 * tests call it with memoryIo().
 */
import { readFileSync } from 'node:fs';
import { println, type Io } from './io.ts';

export interface CommandModule {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: Io): Promise<number>;
}

/**
 * The commands, in the order `nianbao --help` lists them. Adding one is one line here: its name
 * and a loader for its module (loaded only when used, so `check` does not pay for `render`).
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  check: () => import('./commands/check.ts'),
  new: () => import('./commands/new.ts'),
  schema: () => import('./commands/schema.ts'),
  render: () => import('./commands/render.ts'),
  aggregate: () => import('./commands/aggregate.ts'),
  import: () => import('./commands/import.ts'),
  server: () => import('./commands/server.ts'),
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function help(): Promise<string> {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const lines = await Promise.all(names.map(async (name) => `  ${name.padEnd(width)}  ${(await COMMANDS[name]!()).summary}`));
  return `nianbao — 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 format) on the command line

Usage: nianbao <command> [options]

Commands:
${lines.join('\n')}

Run "nianbao <command> --help" for a command's options.
Exit status: 0 no error, 1 a report has errors, 2 a file cannot be read or decoded, or bad usage.`;
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Runs the command line `args` (without node and the script); resolves to the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  try {
    const [first, ...rest] = args;
    if (first === undefined) {
      println(io.stderr, await help());
      return 2;
    }
    if (isHelp(first)) {
      println(io.stdout, await help());
      return 0;
    }
    if (first === '--version' || first === '-v') {
      println(io.stdout, version());
      return 0;
    }
    if (first === 'help') {
      const load = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
      if (rest[0] !== undefined && !load) return unknownCommand(io, rest[0]);
      println(io.stdout, load ? (await load()).usage : await help());
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!load) return unknownCommand(io, first);
    const command = await load();
    // --help anywhere before a `--` asks for the command's usage.
    const end = rest.indexOf('--');
    if ((end === -1 ? rest : rest.slice(0, end)).some(isHelp)) {
      println(io.stdout, command.usage);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    // A bug of ours, not the user's input: still one line, no stack trace.
    println(io.stderr, `nianbao: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

function unknownCommand(io: Io, name: string): number {
  const hint = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
  println(io.stderr, `nianbao: ${hint} (commands: ${Object.keys(COMMANDS).join(', ')}; see: nianbao --help)`);
  return 2;
}
