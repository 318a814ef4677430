import "server-only";
import { list, sql } from "@/lib/db/sql";
import { toIsoTimestamp } from "@/lib/db/timestamps";
import { loadClaimRecords } from "@/lib/claims/records";
import type { SqlReader } from "@/lib/db/reader";
import type { ExportRecord, ReviewRecord } from "@/lib/export/export-record";

/*
 * Full records for one batch of claim ids, on the export's own connection: the records
 * /api/claims shows (lib/claims/records.ts) plus what the files add, in a fixed number of
 * IN-queries per batch, never one per row.
 */

export async function loadExportRecords(db: SqlReader, ids: readonly number[]): Promise<ExportRecord[]> {
  if (ids.length === 0) return [];
  const [notes, records] = await Promise.all([countNotes(db, ids), loadClaimRecords(ids, db)]);
  return records.map((record) => ({ ...record, annotationsCount: notes.get(record.id) ?? 0 }));
}

/** Notes per claim. Deleted notes stay as tombstones (their text is in the audit log); they are not counted. */
export async function countNotes(db: SqlReader, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await db.all<{ claimId: number; n: number }>(sql`
    SELECT "claimId", count(*) AS "n" FROM "Annotation" WHERE "claimId" IN ${list(ids)} AND "deletedAt" IS NULL GROUP BY "claimId"`);
  return new Map(rows.map((row) => [row.claimId, row.n]));
}

/** Records with what a ClaimReview needs: the rating and the latest change to the current status. */
export async function loadReviewRecords(db: SqlReader, ids: readonly number[]): Promise<ReviewRecord[]> {
  if (ids.length === 0) return [];
  const idList = list(ids);
  const [ratingRows, verdicts, records] = await Promise.all([
    db.all<{ id: number; ratingValue: number | null }>(sql`
      SELECT c."id", st."ratingValue" FROM "Claim" c JOIN "Status" st ON st."id" = c."statusId" WHERE c."id" IN ${idList}`),
    db.all<{ claimId: number; rationale: string; createdAt: string }>(sql`
      SELECT sc."claimId", sc."rationale", sc."createdAt"
      FROM "StatusChange" sc JOIN "Claim" c ON c."id" = sc."claimId" AND sc."toStatusId" = c."statusId"
      WHERE sc."claimId" IN ${idList}
      ORDER BY sc."claimId", sc."createdAt" DESC, sc."id" DESC`),
    loadExportRecords(db, ids),
  ]);
  const ratings = new Map(ratingRows.map((row) => [row.id, row.ratingValue]));
  const latestChange = new Map<number, { rationale: string; createdAt: string }>();
  for (const row of verdicts) {
    if (!latestChange.has(row.claimId)) latestChange.set(row.claimId, { rationale: row.rationale, createdAt: toIsoTimestamp(row.createdAt) });
  }
  return records.map((record) => ({
    ...record,
    verdict: { ratingValue: ratings.get(record.id) ?? null, latestChange: latestChange.get(record.id) ?? null },
  }));
}
