import "server-only";
import { z } from "zod";
import { isoInstant, positiveId, single, toParamArrays, type QueryProblem } from "@/lib/claims/query/claim-query";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { sql } from "@/lib/db/sql";
import { toIsoTimestamp, toStoredTimestamp } from "@/lib/db/timestamps";

/**
 * The deletion feed of incremental sync (GET /api/claims/deleted): the claims an admin
 * deleted, oldest deletion first, each with when and why. A client that keeps a copy
 * removes these ids; with `updated_since` (and `after_id`, as for /api/claims) it asks only
 * for the deletions since its last pull.
 */
export type DeletedClaim = { id: number; text: string; topic: string; reason: string; deletedAt: string };
export type DeletedClaimsPage = { items: DeletedClaim[]; pageSize: number };

export const MAX_DELETED_PAGE_SIZE = 1000;

const deletedQuerySchema = z
  .object({
    updated_since: single(isoInstant.optional()),
    after_id: single(positiveId.optional()),
    pageSize: single(z.coerce.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }).max(MAX_DELETED_PAGE_SIZE, { error: `must be at most ${MAX_DELETED_PAGE_SIZE}` }).default(200)),
  })
  .refine((query) => query.after_id === undefined || query.updated_since !== undefined, { path: ["after_id"], error: "needs updated_since" });

export type DeletedClaimsQuery = { updatedSince?: string; afterId?: number; pageSize: number };

export function parseDeletedClaimsQuery(params: URLSearchParams): { ok: true; query: DeletedClaimsQuery } | { ok: false; problems: QueryProblem[] } {
  const values = toParamArrays(params);
  const parsed = deletedQuerySchema.safeParse({ updated_since: values.updated_since, after_id: values.after_id ?? [], pageSize: values.pageSize });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), message: issue.message })) };
  return { ok: true, query: { updatedSince: parsed.data.updated_since, afterId: parsed.data.after_id, pageSize: parsed.data.pageSize } };
}

export async function listDeletedClaims(query: DeletedClaimsQuery, db: SqlReader = sharedReader): Promise<DeletedClaimsPage> {
  const since = query.updatedSince ? toStoredTimestamp(new Date(query.updatedSince)) : null;
  const after =
    since === null
      ? sql`1 = 1`
      : query.afterId === undefined
        ? sql`t."deletedAt" >= ${since}`
        : sql`(t."deletedAt" > ${since} OR (t."deletedAt" = ${since} AND t."claimId" > ${query.afterId}))`;
  const rows = await db.all<{ claimId: number; text: string; topic: string; reason: string; deletedAt: string }>(sql`
    SELECT t."claimId", t."text", t."topic", t."reason", t."deletedAt" FROM "ClaimTombstone" t
    WHERE ${after} ORDER BY t."deletedAt", t."claimId" LIMIT ${query.pageSize}`);
  return {
    items: rows.map((row) => ({ id: row.claimId, text: row.text, topic: row.topic, reason: row.reason, deletedAt: toIsoTimestamp(row.deletedAt) })),
    pageSize: query.pageSize,
  };
}
