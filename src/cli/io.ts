/**
 * What a command may touch besides the file system: two output streams and, for `-`, stdin.
 * process.stdout/stderr/stdin fit; tests pass in-memory ones.
 */
export interface Writer {
  write(text: string): unknown;
}

export interface Io {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** Read for the file name `-`; absent in tests that do not need it. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** Writes one line (the newline added). */
export function println(writer: Writer, text = ''): void {
  writer.write(`${text}\n`);
}

/** An Io that collects what is written, for tests and for embedding. */
export function memoryIo(stdin?: string): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    ...(stdin !== undefined ? { stdin: (async function* () { yield stdin; })() } : {}),
    out: () => out,
    err: () => err,
  };
}
