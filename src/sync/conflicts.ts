/**
 * A document with two versions: two browsers wrote it from the same revision (offline, or at
 * the same moment). CouchDB keeps both leaves and shows one, the winner, deterministically;
 * nothing is lost until someone removes the other. Read and settled here for both sides: the
 * supervisor's review documents (src/sync/supervisor.ts) and the unit's own report documents
 * (src/sync/unit.ts). Settling is never a blind overwrite: the kept revision stays as it was (or a
 * new one is written on the winner), and every other leaf gets a tombstone, which replicates.
 */
import type { Report } from '../report/index.ts';
import { readShared, type SharedKind } from './docs.ts';
import type { PouchDatabase, PouchDoc } from './pouch.ts';

/** One revision of a document in conflict, decoded. */
export interface ConflictVersion {
  readonly rev: string;
  readonly report: Report;
  /** Who wrote it (CouchDB user) and when (ms since epoch), as the document says. */
  readonly by: string;
  readonly at: number;
  /** The clerk's draft it came from (the unit's report documents): "this draft" or another. */
  readonly draftId?: string;
}

export interface DocConflict {
  readonly id: string;
  /** A working copy (填报中) is the unit's alone, settled by its next write, never shown. */
  readonly kind: Exclude<SharedKind, 'working'>;
  readonly year: number;
  /** The revision CouchDB shows now. */
  readonly winner: ConflictVersion;
  /** The other leaf revisions. */
  readonly others: readonly ConflictVersion[];
}

export type SettleResult = { ok: true; kept: ConflictVersion | undefined } | { ok: false; reason: 'gone' | 'storage'; message?: string };

/** One revision of a document, decoded (undefined when it is gone or does not decode). */
export async function readVersion(db: PouchDatabase, id: string, rev: string): Promise<ConflictVersion | undefined> {
  const doc = await db.get(id, { rev }).catch(() => undefined);
  const read = doc ? readShared(doc) : undefined;
  return read?.ok ? { rev, report: read.report, by: read.doc.by, at: read.doc.at, ...(read.doc.draftId ? { draftId: read.doc.draftId } : {}) } : undefined;
}

/** The conflict of a document read with `conflicts: true`, or undefined when it has one version. */
export async function conflictOf(db: PouchDatabase, doc: PouchDoc): Promise<DocConflict | undefined> {
  const revs = doc._conflicts ?? [];
  if (revs.length === 0) return undefined;
  const read = readShared(doc);
  if (!read?.ok || read.kind === 'working') return undefined;
  const others = (await Promise.all(revs.map((rev) => readVersion(db, doc._id, rev)))).filter((v): v is ConflictVersion => v !== undefined);
  if (others.length === 0) return undefined;
  const winner: ConflictVersion = { rev: doc._rev!, report: read.report, by: read.doc.by, at: read.doc.at, ...(read.doc.draftId ? { draftId: read.doc.draftId } : {}) };
  return { id: doc._id, kind: read.kind, year: read.doc.year, winner, others };
}

/** Keeps one leaf of a document: a tombstone on each other leaf. */
export async function keepRevision(db: PouchDatabase, id: string, keepRev: string): Promise<SettleResult> {
  let doc: PouchDoc;
  try {
    doc = await db.get(id, { conflicts: true });
  } catch {
    return { ok: false, reason: 'gone' };
  }
  const leaves = [doc._rev!, ...(doc._conflicts ?? [])];
  if (!leaves.includes(keepRev)) return { ok: false, reason: 'gone' };
  const kept = await readVersion(db, id, keepRev);
  try {
    for (const rev of leaves) if (rev !== keepRev) await db.put({ _id: id, _rev: rev, _deleted: true });
  } catch (e) {
    return { ok: false, reason: 'storage', message: (e as Error).message };
  }
  return { ok: true, kept };
}

/**
 * Writes a new revision of a document on its winner and removes the other leaves: a document
 * written again (重新报送, the next working copy) settles a conflict it had.
 */
export async function writeOnWinner(db: PouchDatabase, doc: PouchDoc): Promise<{ rev: string }> {
  const existing = await db.get(doc._id, { conflicts: true }).catch(() => undefined);
  const written = await db.put({ ...doc, ...(existing ? { _rev: existing._rev } : {}) });
  // The new version is written: a tombstone that fails leaves the conflict shown, to settle again.
  for (const rev of existing?._conflicts ?? []) await db.put({ _id: doc._id, _rev: rev, _deleted: true }).catch(() => undefined);
  return { rev: written.rev };
}
