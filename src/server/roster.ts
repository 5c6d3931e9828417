/**
 * The area's roster (应报送单位名单) as the 政务公开办 keeps it: CSV, one unit a line,
 * `agency,user,password` and optionally a fourth column, the agency kind. A header line is
 * allowed. Quoted fields ("…", "" for a quote) as spreadsheets write them.
 */
export interface RosterUnit {
  readonly agency: string;
  readonly user: string;
  readonly password: string;
  readonly kind?: string;
}

export type RosterResult = { ok: true; units: RosterUnit[] } | { ok: false; problems: string[] };

/** CouchDB database names are lower-case ASCII; user names become part of them. */
export const USER_NAME = /^[a-z][a-z0-9_-]{0,59}$/;

/** The database that holds one unit's report and its reviews. */
export const unitDbName = (user: string) => `nianbao-unit-${user}`;
/** The role every member of a unit's database has; the supervisor's role. */
export const unitRole = (user: string) => `nianbao-unit-${user}`;
export const SUPERVISOR_ROLE = 'nianbao-supervisor';
/** The area's own database: the roster the supervisor's workspace reads. */
export const AREA_DB = 'nianbao-area';
export const ROSTER_DOC = 'roster';

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

/**
 * The rule every unit database enforces (CouchDB runs it on every write, replication included):
 * the unit writes its report documents and its working copy (填报中), the supervisor its review
 * documents, nothing else.
 */
export function validateDocUpdate(user: string): string {
  return `function (newDoc, oldDoc, userCtx) {
  var UNIT_ROLE = ${JSON.stringify(unitRole(user))};
  var SUPERVISOR_ROLE = ${JSON.stringify(SUPERVISOR_ROLE)};
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var id = newDoc._id;
  if (id.indexOf('report:') === 0) {
    if (roles.indexOf(UNIT_ROLE) === -1) throw({ forbidden: 'Only the unit writes its report documents.' });
    if (!newDoc._deleted && newDoc.type !== 'report') throw({ forbidden: 'A report document has type "report".' });
    return;
  }
  if (id.indexOf('working:') === 0) {
    if (roles.indexOf(UNIT_ROLE) === -1) throw({ forbidden: 'Only the unit writes its working copy.' });
    if (!newDoc._deleted && newDoc.type !== 'working') throw({ forbidden: 'A working copy has type "working".' });
    return;
  }
  if (id.indexOf('review:') === 0) {
    if (roles.indexOf(SUPERVISOR_ROLE) === -1) throw({ forbidden: 'Only the supervisor writes review documents.' });
    if (!newDoc._deleted && newDoc.type !== 'review') throw({ forbidden: 'A review document has type "review".' });
    return;
  }
  throw({ forbidden: 'This database keeps report:, working: and review: documents only.' });
}`;
}
