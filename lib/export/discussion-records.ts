import "server-only";
import { groupBy } from "@/lib/db/rows";
import { list, sql } from "@/lib/db/sql";
import type { SqlReader } from "@/lib/db/reader";
import { toIsoTimestamp, toIsoTimestampOrNull } from "@/lib/db/timestamps";
import { parseEvidence } from "@/lib/review/evidence";

/*
 * The notes and the verdict and accuracy histories of a batch of claims, for notes.csv,
 * history.csv and claims.json's `include`. Who wrote or changed something is given by
 * display name only: exports are public reads, and an e-mail address is not public.
 */

export type NoteRecord = {
  id: number;
  claimId: number;
  attributionId: number | null;
  /** The note this one answers, in a thread. */
  parentId: number | null;
  author: string | null;
  createdAt: string;
  /** When the text was last changed; null for a note never edited, or deleted. */
  editedAt: string | null;
  /** A deleted note stays in its thread as a tombstone, so its replies keep their place. */
  deletedAt: string | null;
  /** Empty for a deleted note: its text is kept in the audit log, not published. */
  body: string;
};

export type HistoryRecord = {
  kind: "verdict" | "accuracy";
  claimId: number;
  attributionId: number | null;
  /** Status keys for a verdict, accuracy terms for an attribution; null for a claim's first verdict. */
  from: string | null;
  to: string;
  rationale: string;
  evidence: string[];
  by: string | null;
  at: string;
};

type NoteRow = {
  id: number;
  claimId: number;
  attributionId: number | null;
  parentId: number | null;
  author: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  body: string;
};

/** Notes of the claims, grouped per claim in the order they were written. */
export async function loadNotes(db: SqlReader, claimIds: readonly number[]): Promise<Map<number, NoteRecord[]>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db.all<NoteRow>(sql`
    SELECT n."id", n."claimId", n."attributionId", n."parentId", u."name" AS "author", n."version",
           n."createdAt", n."updatedAt", n."deletedAt", n."body"
    FROM "Annotation" n LEFT JOIN "user" u ON u."id" = n."authorId"
    WHERE n."claimId" IN ${list(claimIds)}
    ORDER BY n."claimId", n."createdAt", n."id"`);
  return groupByClaim(rows.map(toNoteRecord));
}

function toNoteRecord(row: NoteRow): NoteRecord {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    claimId: row.claimId,
    attributionId: row.attributionId,
    parentId: row.parentId,
    author: row.author,
    createdAt: toIsoTimestamp(row.createdAt),
    // Editing and deleting both raise the version; a deleted note's last change is its deletion.
    editedAt: !deleted && row.version > 1 ? toIsoTimestamp(row.updatedAt) : null,
    deletedAt: toIsoTimestampOrNull(row.deletedAt),
    body: deleted ? "" : row.body,
  };
}

type VerdictRow = { claimId: number; fromKey: string | null; toKey: string; rationale: string; evidence: string; by: string | null; createdAt: string; id: number };
type AccuracyRow = { claimId: number; attributionId: number; fromAccuracy: string; toAccuracy: string; rationale: string; by: string | null; createdAt: string; id: number };

/** Verdict and accuracy changes of the claims, grouped per claim, oldest first. */
export async function loadHistory(db: SqlReader, claimIds: readonly number[]): Promise<Map<number, HistoryRecord[]>> {
  if (claimIds.length === 0) return new Map();
  const ids = list(claimIds);
  const [verdicts, accuracy] = await Promise.all([
    db.all<VerdictRow>(sql`
      SELECT sc."id", sc."claimId", f."key" AS "fromKey", t."key" AS "toKey", sc."rationale", sc."evidence", u."name" AS "by", sc."createdAt"
      FROM "StatusChange" sc
      JOIN "Status" t ON t."id" = sc."toStatusId"
      LEFT JOIN "Status" f ON f."id" = sc."fromStatusId"
      LEFT JOIN "user" u ON u."id" = sc."userId"
      WHERE sc."claimId" IN ${ids}`),
    db.all<AccuracyRow>(sql`
      SELECT ac."id", a."claimId", ac."attributionId", ac."fromAccuracy", ac."toAccuracy", ac."rationale", u."name" AS "by", ac."createdAt"
      FROM "AccuracyChange" ac
      JOIN "Attribution" a ON a."id" = ac."attributionId"
      LEFT JOIN "user" u ON u."id" = ac."userId"
      WHERE a."claimId" IN ${ids}`),
  ]);
  const changes = [
    ...verdicts.map((row) => ({ order: [row.createdAt, 0, row.id] as const, record: verdictRecord(row) })),
    ...accuracy.map((row) => ({ order: [row.createdAt, 1, row.id] as const, record: accuracyRecord(row) })),
  ];
  // Oldest first; at the same instant verdicts before accuracy marks, then in the order recorded.
  changes.sort((a, b) => compareTuples(a.order, b.order));
  return groupByClaim(changes.map((change) => change.record));
}

const verdictRecord = (row: VerdictRow): HistoryRecord => ({
  kind: "verdict",
  claimId: row.claimId,
  attributionId: null,
  from: row.fromKey,
  to: row.toKey,
  rationale: row.rationale,
  evidence: parseEvidence(row.evidence),
  by: row.by,
  at: toIsoTimestamp(row.createdAt),
});

const accuracyRecord = (row: AccuracyRow): HistoryRecord => ({
  kind: "accuracy",
  claimId: row.claimId,
  attributionId: row.attributionId,
  from: row.fromAccuracy,
  to: row.toAccuracy,
  rationale: row.rationale,
  evidence: [],
  by: row.by,
  at: toIsoTimestamp(row.createdAt),
});

function compareTuples(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

const groupByClaim = <R extends { claimId: number }>(records: readonly R[]) => groupBy(records, (record) => record.claimId);

/** notes.csv's records: every note of the claims, claim by claim in the export's order. */
export const loadNoteRows = (db: SqlReader, claimIds: readonly number[]) => withClaimText(db, claimIds, loadNotes);

/** history.csv's records: every change of the claims, claim by claim in the export's order. */
export const loadHistoryRows = (db: SqlReader, claimIds: readonly number[]) => withClaimText(db, claimIds, loadHistory);

async function withClaimText<R extends { claimId: number }>(
  db: SqlReader,
  claimIds: readonly number[],
  load: (db: SqlReader, claimIds: readonly number[]) => Promise<Map<number, R[]>>,
): Promise<(R & { claimText: string })[]> {
  if (claimIds.length === 0) return [];
  const [texts, groups] = await Promise.all([
    db.all<{ id: number; text: string }>(sql`SELECT "id", "text" FROM "Claim" WHERE "id" IN ${list(claimIds)}`),
    load(db, claimIds),
  ]);
  const textById = new Map(texts.map((row) => [row.id, row.text]));
  return claimIds.flatMap((id) => {
    const text = textById.get(id);
    return text === undefined ? [] : (groups.get(id) ?? []).map((record) => ({ ...record, claimText: text }));
  });
}
