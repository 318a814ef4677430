import "server-only";
import { groupBy, inIdOrder } from "@/lib/db/rows";
import { list, sql } from "@/lib/db/sql";
import { toIsoTimestamp, toIsoTimestampOrNull } from "@/lib/db/timestamps";
import type { ClaimCsvRecord } from "@/lib/export/claim-rows";
import type { SqlReader } from "@/lib/db/reader";
import { toBoolean } from "@/lib/db/values";
import { countNotes } from "@/lib/export/load-records";

/*
 * Only what claims.csv writes, for one batch of claims: the full records
 * (lib/export/load-records.ts) also read every quote with its context, which is most of
 * the bytes and three quarters of the query time at 100k claims (docs/performance.md).
 */

type ClaimRow = { id: number; text: string; topicKey: string; statusKey: string; contested: boolean | number; firstPublishedAt: string | null; updatedAt: string };
type AttributionRow = {
  id: number;
  claimId: number;
  stance: string;
  actorName: string;
  sourceId: number;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: string | null;
};

export async function loadClaimCsvRecords(db: SqlReader, ids: readonly number[]): Promise<ClaimCsvRecord[]> {
  if (ids.length === 0) return [];
  const idList = list(ids);
  const [claims, attributions, vias, notesByClaim] = await Promise.all([
    db.all<ClaimRow>(sql`
      SELECT c."id", c."text", t."key" AS "topicKey", st."key" AS "statusKey", c."contested", c."firstPublishedAt", c."updatedAt"
      FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" JOIN "Status" st ON st."id" = c."statusId"
      WHERE c."id" IN ${idList}`),
    db.all<AttributionRow>(sql`
      SELECT a."id", a."claimId", a."stance", ac."name" AS "actorName", s."id" AS "sourceId", s."title", s."outlet", s."url", s."publishedAt"
      FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId" JOIN "Source" s ON s."id" = a."sourceId"
      WHERE a."claimId" IN ${idList}
      ORDER BY a."claimId", a."id"`),
    db.all<{ attributionId: number; name: string }>(sql`
      SELECT v."attributionId", ac."name"
      FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" JOIN "Actor" ac ON ac."id" = v."actorId"
      WHERE a."claimId" IN ${idList}
      ORDER BY v."attributionId", v."position"`),
    countNotes(db, ids),
  ]);

  const viaByAttribution = groupBy(vias, (via) => via.attributionId);
  const attributionsByClaim = groupBy(attributions, (row) => row.claimId);

  return inIdOrder(ids, claims, (row) => ({
    id: row.id,
    text: row.text,
    topic: { key: row.topicKey },
    status: { key: row.statusKey },
    contested: toBoolean(row.contested),
    firstPublishedAt: toIsoTimestampOrNull(row.firstPublishedAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
    annotationsCount: notesByClaim.get(row.id) ?? 0,
    attributions: (attributionsByClaim.get(row.id) ?? []).map((a) => ({
      id: a.id,
      stance: a.stance,
      actor: { name: a.actorName },
      via: (viaByAttribution.get(a.id) ?? []).map((via) => ({ name: via.name })),
      source: { id: a.sourceId, title: a.title, outlet: a.outlet, url: a.url, publishedAt: toIsoTimestampOrNull(a.publishedAt) },
    })),
  }));
}
