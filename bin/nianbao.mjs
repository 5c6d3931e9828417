#!/usr/bin/env node
// The `nianbao` command. It runs the TypeScript sources directly through tsx's loader, so it works
// right after `npm ci`, with no build step. tsx is therefore a runtime dependency, not a dev one:
// `npm ci --omit=dev` must give a working command (tests/unit/binProduction.test.ts).
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// `nianbao schema | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  const { main } = await tsImport('../src/cli/main.ts', {
    parentURL: import.meta.url,
    // The project's own tsconfig, wherever the command is run from.
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
} catch (error) {
  process.stderr.write(`nianbao: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
