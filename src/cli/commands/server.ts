/** `nianbao server start|setup`: the area's sharing server (see src/server/). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contentSecurityPolicy, notBuiltMessage } from '../../server/app.ts';
import { parse, usageError } from '../args.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Run the sharing server (start) or provision an area from its roster (setup)';

export const usage = `Usage: nianbao server start [--port 5984] [--dir DIR | --in-memory] --admin USER:PASS [--origin URL]
       nianbao server setup --url URL --admin USER:PASS --roster FILE.csv --supervisor USER:PASS [--json]
       nianbao server csp [--dist DIR]

start   Runs the embedded CouchDB-compatible server (pouchdb-server) until stopped (Ctrl+C), and
        serves the built app (dist/, \`npm run build\`) at / with the CouchDB API at /couchdb on the
        same origin: clerks open http://HOST:PORT/ and the app knows its server. It keeps the
        area database (nianbao-area) filled with every unit's documents, the supervisor's one
        feed: at start (units changed since) and after every write into a unit's database.
  --port N          port to listen on (default 5984; 0 for any free port)
  --host ADDR       address to listen on (default 127.0.0.1)
  --dir DIR         where databases, the config (admin password hashed) and the log are kept
                    (default ./nianbao-data)
  --in-memory       keep nothing on disk (tests, trying it out)
  --admin USER:PASS the server admin (required; or the environment variable NIANBAO_ADMIN)
  --origin URL      another address of the app allowed by CORS (default http://127.0.0.1:4173,
                    \`npm start\`; repeat for more than one). The app served at / needs none.

setup   Creates, from the roster, one database per unit (members: the unit's role and the
        supervisor role), the users with their roles, and each database's validate_doc_update
        (a unit writes only its report documents, only the supervisor writes review documents).
        Running it again with a longer roster adds the new units and changes nothing else.
        On Apache CouchDB 3 it also writes, per unit, a continuous _replicator document that
        copies the unit's documents into the area database (the embedded server does it itself).
  --url URL             the server (the embedded one or Apache CouchDB 3)
  --admin USER:PASS     a server admin (or NIANBAO_ADMIN)
  --roster FILE.csv     agency,user,password[,kind] one unit a line (a header line is allowed)
  --supervisor USER:PASS the 政务公开办's reviewer
  --json                print {"units":[{"agency","user","db"}],"supervisor":{"user"}}

csp     Prints the Content-Security-Policy that \`server start\` sends with the app, for another web
        server hosting dist/ (nginx, IIS): it names the build's inline script by its hash, so
        print it again after each build.
  --dist DIR            the built app (default: dist/ of this nianbao folder)

Exit status: 0 done, 1 the server refused or could not be reached, 2 bad usage or roster.`;

/** The built app: dist/ of the nianbao folder this command runs from (`npm run build`). */
export const APP_DIST = fileURLToPath(new URL('../../../dist/', import.meta.url)).replace(/[\\/]+$/, '');

function credentials(value: string | undefined): { name: string; password: string } | undefined {
  if (!value) return undefined;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return undefined;
  return { name: value.slice(0, at), password: value.slice(at + 1) };
}

export async function run(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'start') return start(rest, io);
  if (sub === 'setup') return setup(rest, io);
  if (sub === 'csp') return csp(rest, io);
  return usageError(io, 'server', sub === undefined ? 'start, setup or csp is required' : `unknown subcommand "${sub}" (start, setup, csp)`);
}

async function csp(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, { dist: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'server', parsed.message);
  const dist = parsed.values.dist ?? APP_DIST;
  let html: string;
  try {
    html = await readFile(join(dist, 'index.html'), 'utf8');
  } catch {
    println(io.stderr, `nianbao server csp: ${notBuiltMessage(dist)}`);
    return 1;
  }
  println(io.stdout, contentSecurityPolicy(html));
  return 0;
}

async function start(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    dir: { type: 'string' },
    'in-memory': { type: 'boolean' },
    admin: { type: 'string' },
    origin: { type: 'string', multiple: true },
  } as const);
  if (!parsed.ok) return usageError(io, 'server', parsed.message);
  const v = parsed.values as { port?: string; host?: string; dir?: string; 'in-memory'?: boolean; admin?: string; origin?: string[] };
  const admin = credentials(v.admin ?? process.env.NIANBAO_ADMIN);
  if (!admin) return usageError(io, 'server', '--admin USER:PASS is required (a server without an admin lets anyone do anything)');
  if (v.dir !== undefined && v['in-memory']) return usageError(io, 'server', '--dir and --in-memory exclude each other');
  const port = v.port === undefined ? 5984 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, 'server', `--port must be a port number, not "${v.port}"`);
  const origins = v.origin ?? ['http://127.0.0.1:4173'];
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin.replace(/\/+$/, ''))) return usageError(io, 'server', `--origin must be scheme://host[:port], not "${origin}"`);
  }
  const { startEmbeddedServer } = await import('../../server/embedded.ts');
  let server;
  try {
    server = await startEmbeddedServer({
      port,
      ...(v.host ? { host: v.host } : {}),
      ...(v['in-memory'] ? { inMemory: true } : { dir: v.dir ?? './nianbao-data' }),
      admin,
      origins,
      app: APP_DIST,
      log: (line) => println(io.stderr, `nianbao server: ${line}`),
    });
  } catch (e) {
    println(io.stderr, `nianbao server: cannot start: ${(e as { code?: string }).code === 'EADDRINUSE' ? `port ${port} is in use` : (e as Error).message}`);
    return 1;
  }
  if (server.app?.built) println(io.stdout, `nianbao server: the app at ${server.origin}/`);
  else println(io.stderr, `nianbao server: ${notBuiltMessage(APP_DIST)}; until then ${server.origin}/ says so`);
  println(io.stdout, `nianbao server: the CouchDB API at ${server.url} (${v['in-memory'] ? 'in memory, nothing kept' : `data in ${v.dir ?? './nianbao-data'}`}); CORS for ${origins.join(', ')}`);
  // The area database (every unit's documents, for the supervisor's one feed) caught up at start.
  server.area.started.then(
    (pass) => println(io.stdout, `nianbao server: the area database caught up: ${pass.units} units, ${pass.replicated} copied, ${pass.skipped} unchanged${pass.failed ? `, ${pass.failed} failed (tried again on their next write)` : ''}, in ${pass.ms} ms`),
    () => undefined,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  println(io.stdout, 'nianbao server: stopped');
  return 0;
}

async function setup(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, { url: { type: 'string' }, admin: { type: 'string' }, roster: { type: 'string' }, supervisor: { type: 'string' }, json: { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'server', parsed.message);
  const v = parsed.values;
  if (!v.url || !/^https?:\/\//.test(v.url)) return usageError(io, 'server', '--url http(s)://HOST:PORT is required');
  if (/\/\/[^/]*@/.test(v.url)) return usageError(io, 'server', '--url must not carry credentials; give them with --admin');
  const admin = credentials(v.admin ?? process.env.NIANBAO_ADMIN);
  if (!admin) return usageError(io, 'server', '--admin USER:PASS is required');
  const supervisor = credentials(v.supervisor);
  if (!supervisor) return usageError(io, 'server', '--supervisor USER:PASS is required');
  if (!v.roster) return usageError(io, 'server', '--roster FILE.csv is required');
  const { parseRoster, USER_NAME } = await import('../../server/roster.ts');
  if (!USER_NAME.test(supervisor.name)) return usageError(io, 'server', `supervisor user "${supervisor.name}" must be lower-case letters, digits, - or _`);
  let text: string;
  try {
    text = await readFile(v.roster, 'utf8');
  } catch (e) {
    return usageError(io, 'server', `cannot read --roster ${v.roster}: ${(e as { code?: string }).code ?? String(e)}`);
  }
  const roster = parseRoster(text);
  if (!roster.ok) {
    for (const problem of roster.problems) println(io.stderr, `nianbao server setup: ${v.roster}: ${problem}`);
    return 2;
  }
  if (roster.units.some((u) => u.user === supervisor.name)) return usageError(io, 'server', `the supervisor "${supervisor.name}" is also a unit's user in the roster`);
  const { setupArea, SetupError } = await import('../../server/setup.ts');
  try {
    const result = await setupArea(v.url, admin, roster.units, supervisor);
    if (v.json) {
      println(io.stdout, JSON.stringify({ units: result.units.map(({ agency, user, db }) => ({ agency, user, db })), supervisor: { user: result.supervisor.user } }));
    } else {
      for (const unit of result.units) println(io.stdout, `${unit.db}\t${unit.user}\t${unit.agency}\t${unit.created.length ? `created ${unit.created.join(', ')}` : 'unchanged'}`);
      println(io.stdout, `supervisor ${result.supervisor.user}: ${result.supervisor.created.length ? 'created' : 'unchanged'}`);
      println(io.stdout, `${result.units.length} units; ${result.units.filter((u) => u.created.length).length} created or changed`);
    }
    return 0;
  } catch (e) {
    if (e instanceof SetupError) {
      println(io.stderr, `nianbao server setup: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
