import "server-only";
import { sql } from "@/lib/db/sql";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toIsoTimestamp, toIsoTimestampOrNull } from "@/lib/db/timestamps";
import { verifyQuoteAt } from "@/lib/sources/anchoring";
import type { ReanchoredQuote } from "@/lib/sources/reanchor-quotes";
import type { Stance } from "@/lib/vocabulary/terms";

export type SourceSummary = {
  id: number;
  title: string;
  outlet: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  claimCount: number;
  attributionCount: number;
};

export type SourceHighlight = {
  attributionId: number;
  claimId: number;
  claimText: string;
  actorName: string;
  stance: Stance;
  quote: string;
  start: number | null;
  end: number | null;
  /** The quote still matches the stored text at its offsets. */
  anchored: boolean;
};

export type SourceDetail = Omit<SourceSummary, "claimCount" | "attributionCount"> & {
  text: string;
  textSha256: string;
  /** What a correction of the source is based on (PATCH /api/sources/[id], PUT …/text). */
  version: number;
  createdAt: string;
  highlights: SourceHighlight[];
};

type SourceRow = {
  id: number;
  title: string;
  outlet: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
};

export async function listSources(db: SqlReader = sharedReader): Promise<SourceSummary[]> {
  const rows = await db.all<SourceRow & { claimCount: number; attributionCount: number }>(sql`
    SELECT s."id", s."title", s."outlet", s."url", s."author", s."publishedAt",
           (SELECT count(DISTINCT a."claimId") FROM "Attribution" a WHERE a."sourceId" = s."id") AS "claimCount",
           (SELECT count(*) FROM "Attribution" a WHERE a."sourceId" = s."id") AS "attributionCount"
    FROM "Source" s ORDER BY s."publishedAt" IS NULL, s."publishedAt" DESC, s."id" DESC`);
  return rows.map((row) => ({
    ...row,
    publishedAt: toIsoTimestampOrNull(row.publishedAt),
  }));
}

export async function getSource(id: number, db: SqlReader = sharedReader): Promise<SourceDetail | null> {
  const row = await db.one<SourceRow & { text: string; textSha256: string; version: number; createdAt: string }>(sql`
    SELECT "id", "title", "outlet", "url", "author", "publishedAt", "text", "textSha256", "version", "createdAt" FROM "Source" WHERE "id" = ${id}`);
  if (!row) return null;
  const highlights = await db.all<Omit<SourceHighlight, "anchored">>(sql`
    SELECT a."id" AS "attributionId", a."claimId", c."text" AS "claimText", ac."name" AS "actorName", a."stance",
           a."quote", a."quoteStart" AS "start", a."quoteEnd" AS "end"
    FROM "Attribution" a JOIN "Claim" c ON c."id" = a."claimId" JOIN "Actor" ac ON ac."id" = a."actorId"
    WHERE a."sourceId" = ${id}
    ORDER BY a."quoteStart" IS NULL, a."quoteStart", a."quoteEnd" DESC, a."id"`);
  return {
    ...row,
    publishedAt: toIsoTimestampOrNull(row.publishedAt),
    createdAt: toIsoTimestamp(row.createdAt),
    highlights: highlights.map((h) => ({
      ...h,
      anchored: h.start !== null && h.end !== null && verifyQuoteAt(row.text, h.quote, h.start, h.end).ok,
    })),
  };
}

export type Reanchoring = { at: string; by: string | null; action: "add_text" | "replace_text"; quotes: ReanchoredQuote[] };

/**
 * The last time the source's text was added or replaced, and what became of each quote
 * then (from its audit entry, written in the same transaction as the text).
 */
export async function findLatestReanchoring(sourceId: number, db: SqlReader = sharedReader): Promise<Reanchoring | null> {
  const row = await db.one<{ action: "add_text" | "replace_text"; after: string | null; createdAt: string; userName: string | null }>(sql`
    SELECT l."action", l."after", l."createdAt", u."name" AS "userName"
    FROM "AuditLog" l LEFT JOIN "user" u ON u."id" = l."userId"
    WHERE l."entityType" = 'source' AND l."entityId" = ${String(sourceId)} AND l."action" IN ('add_text', 'replace_text')
    ORDER BY l."id" DESC LIMIT 1`);
  if (!row?.after) return null;
  const after = JSON.parse(row.after) as { quotes?: ReanchoredQuote[] };
  return { at: toIsoTimestamp(row.createdAt), by: row.userName, action: row.action, quotes: after.quotes ?? [] };
}
