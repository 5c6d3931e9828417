/**
 * The area's roster (应报送单位名单) as the 政务公开办 keeps it: CSV, one unit a line,
 * `agency,user,password` and optionally a fourth column, the agency kind. A header line is
 * allowed. Quoted fields ("…", "" for a quote) as spreadsheets write them.
 */
import { SHARED_ID_START } from '../sync/docs.ts';
import { AREA_DB, ROSTER_DOC, SUPERVISOR_ROLE, unitDbOf } from '../sync/session.ts';

export interface RosterUnit {
  readonly agency: string;
  readonly user: string;
  readonly password: string;
  readonly kind?: string;
}

export type RosterResult = { ok: true; units: RosterUnit[] } | { ok: false; problems: string[] };

/** CouchDB database names are lower-case ASCII; user names become part of them. */
export const USER_NAME = /^[a-z][a-z0-9_-]{0,59}$/;

/** The database that holds one unit's report and its reviews (the app's own spelling). */
export const unitDbName = unitDbOf;
/** The role every member of a unit's database has. */
export const unitRole = (user: string) => `nianbao-unit-${user}`;
/** The supervisor's role; the area's own database (the roster, every unit's copy); its roster document. */
export { AREA_DB, ROSTER_DOC, SUPERVISOR_ROLE };

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export function parseRoster(text: string): RosterResult {
  const problems: string[] = [];
  const units: RosterUnit[] = [];
  const seenUsers = new Set<string>();
  const seenAgencies = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const n = index + 1;
    if (!line.trim() || line.trim().startsWith('#')) return;
    const fields = splitCsvLine(line);
    if (n === 1 && /^(agency|机关名称|单位)$/i.test(fields[0] ?? '')) return;
    const [agency = '', user = '', password = '', kind] = fields;
    if (fields.length < 3 || fields.length > 4) return void problems.push(`line ${n}: expected agency,user,password[,kind], found ${fields.length} fields`);
    if (!agency) problems.push(`line ${n}: the agency is empty`);
    if (!USER_NAME.test(user)) problems.push(`line ${n}: user "${user}" must be lower-case letters, digits, - or _ and start with a letter`);
    if (password.length < 8) problems.push(`line ${n}: the password of "${user}" is shorter than 8 characters`);
    if (seenUsers.has(user)) problems.push(`line ${n}: user "${user}" is listed twice`);
    if (agency && seenAgencies.has(agency)) problems.push(`line ${n}: agency "${agency}" is listed twice`);
    seenUsers.add(user);
    seenAgencies.add(agency);
    units.push(kind ? { agency, user, password, kind } : { agency, user, password });
  });
  if (!problems.length && !units.length) problems.push('the roster lists no unit');
  return problems.length ? { ok: false, problems } : { ok: true, units };
}

/** The documents of a unit's database: `<kind>:<year>:<user>`, the user naming the unit. */
export const UNIT_DOC_KINDS = ['report', 'working', 'review'] as const;

/**
 * The rule every unit database enforces (CouchDB runs it on every write, replication included):
 * the unit writes its report documents and its working copy (填报中), the supervisor its review
 * documents, nothing else. Every id names its unit (`report:2024:<user>`): the server copies
 * every unit's documents into the one area database, so a document claiming another unit would
 * stand there as that unit's — refused here, where the unit writes.
 */
export function validateDocUpdate(user: string): string {
  return `function (newDoc, oldDoc, userCtx) {
  var USER = ${JSON.stringify(user)};
  var UNIT_ROLE = ${JSON.stringify(unitRole(user))};
  var SUPERVISOR_ROLE = ${JSON.stringify(SUPERVISOR_ROLE)};
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var id = newDoc._id;
  var parts = new RegExp(${JSON.stringify(`${SHARED_ID_START}([0-9]{4}):(.+)$`)}).exec(id);
  if (!parts) throw({ forbidden: 'This database keeps report:<year>:' + USER + ', working:<year>:' + USER + ' and review:<year>:' + USER + ' documents only, not "' + id + '".' });
  var kind = parts[1];
  if (parts[3] !== USER) throw({ forbidden: 'The document "' + id + '" names the unit "' + parts[3] + '"; this database belongs to the unit "' + USER + '".' });
  if (kind === 'report' && roles.indexOf(UNIT_ROLE) === -1) throw({ forbidden: 'Only the unit writes its report documents.' });
  if (kind === 'working' && roles.indexOf(UNIT_ROLE) === -1) throw({ forbidden: 'Only the unit writes its working copy.' });
  if (kind === 'review' && roles.indexOf(SUPERVISOR_ROLE) === -1) throw({ forbidden: 'Only the supervisor writes review documents.' });
  if (newDoc._deleted) return;
  if (newDoc.type !== kind) throw({ forbidden: 'A ' + kind + ' document has type "' + kind + '".' });
  if (newDoc.year !== Number(parts[2])) throw({ forbidden: 'The document "' + id + '" is of the year ' + parts[2] + ' but says year ' + JSON.stringify(newDoc.year) + '.' });
}`;
}

/**
 * The area database's rule: nobody but a server admin writes it. The server fills it (every
 * unit's documents, by replication); the supervisor only reads it and writes reviews into the
 * unit's own database, whence they reach the area the same way.
 */
export function areaValidateDocUpdate(): string {
  return `function (newDoc, oldDoc, userCtx) {
  if ((userCtx.roles || []).indexOf('_admin') === -1) throw({ forbidden: 'The area database is filled by the server: write into the unit database instead.' });
}`;
}
