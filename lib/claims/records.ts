import "server-only";
import { groupBy, inIdOrder } from "@/lib/db/rows";
import { list, raw, sql } from "@/lib/db/sql";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toBoolean } from "@/lib/db/values";
import { toIsoTimestamp, toIsoTimestampOrNull } from "@/lib/db/timestamps";
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";

/** A claim with everything the API and the table show about it. Plain data, safe to serialise. */
export type ClaimRecord = {
  id: number;
  text: string;
  topic: { key: string; label: string };
  status: { key: string; label: string; colour: string; isFinal: boolean };
  version: number;
  contested: boolean;
  sourceCount: number;
  firstPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  attributions: AttributionRecord[];
};

export type ActorRef = { id: number; name: string; kind: ActorKind };

export type AttributionRecord = {
  id: number;
  stance: Stance;
  verb: string | null;
  sourcing: Sourcing;
  accuracy: Accuracy;
  version: number;
  actor: ActorRef & { role: string | null };
  /** Intermediaries, nearest to the actor first; the source itself is the last link. */
  via: ActorRef[];
  source: { id: number; title: string; outlet: string; url: string | null; publishedAt: string | null };
  quote: { exact: string; prefix: string | null; suffix: string | null; start: number | null; end: number | null };
};

type ClaimRow = {
  id: number;
  text: string;
  version: number;
  contested: boolean | number;
  sourceCount: number;
  firstPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  topicKey: string;
  topicLabel: string;
  statusKey: string;
  statusLabel: string;
  statusColour: string;
  statusIsFinal: boolean | number;
};

type AttributionRow = {
  id: number;
  claimId: number;
  stance: Stance;
  verb: string | null;
  sourcing: Sourcing;
  accuracy: Accuracy;
  version: number;
  actorRole: string | null;
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  actorId: number;
  actorName: string;
  actorKind: ActorKind;
  actorDefaultRole: string | null;
  sourceId: number;
  sourceTitle: string;
  sourceOutlet: string;
  sourceUrl: string | null;
  sourcePublishedAt: string | null;
};

type ViaRow = { attributionId: number; actorId: number; name: string; kind: ActorKind };

/**
 * The order of a claim's attributions wherever they are listed: by source, then where the
 * quote stands in it (unplaced quotes first), then as entered. `a` is the attribution.
 */
export const ATTRIBUTION_ORDER = raw(`a."claimId", a."sourceId", a."quoteStart" NULLS FIRST, a."id"`);

/**
 * Load full records for the given claim ids in three queries (claims, attributions,
 * via-chains), whatever the number of ids: no query per row. Keeps the order of `ids`.
 * `db` is the shared reader unless a caller (an export) reads on its own connection.
 */
export async function loadClaimRecords(ids: readonly number[], db: SqlReader = sharedReader): Promise<ClaimRecord[]> {
  if (ids.length === 0) return [];
  const idList = list(ids);
  const [claims, attributions, vias] = await Promise.all([
    db.all<ClaimRow>(sql`
      SELECT c."id", c."text", c."version", c."contested", c."sourceCount", c."firstPublishedAt", c."createdAt", c."updatedAt",
             t."key" AS "topicKey", t."label" AS "topicLabel",
             st."key" AS "statusKey", st."label" AS "statusLabel", st."colour" AS "statusColour", st."isFinal" AS "statusIsFinal"
      FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" JOIN "Status" st ON st."id" = c."statusId"
      WHERE c."id" IN ${idList}`),
    db.all<AttributionRow>(sql`
      SELECT a."id", a."claimId", a."stance", a."verb", a."sourcing", a."accuracy", a."version", a."actorRole",
             a."quote", a."quotePrefix", a."quoteSuffix", a."quoteStart", a."quoteEnd",
             ac."id" AS "actorId", ac."name" AS "actorName", ac."kind" AS "actorKind", ac."role" AS "actorDefaultRole",
             s."id" AS "sourceId", s."title" AS "sourceTitle", s."outlet" AS "sourceOutlet", s."url" AS "sourceUrl", s."publishedAt" AS "sourcePublishedAt"
      FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId" JOIN "Source" s ON s."id" = a."sourceId"
      WHERE a."claimId" IN ${idList}
      ORDER BY ${ATTRIBUTION_ORDER}`),
    db.all<ViaRow>(sql`
      SELECT v."attributionId", v."actorId", ac."name", ac."kind"
      FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" JOIN "Actor" ac ON ac."id" = v."actorId"
      WHERE a."claimId" IN ${idList}
      ORDER BY v."attributionId", v."position"`),
  ]);

  const viaByAttribution = groupBy(vias, (via) => via.attributionId);
  const attributionsByClaim = groupBy(attributions, (row) => row.claimId);
  return inIdOrder(ids, claims, (row) => ({
    id: row.id,
    text: row.text,
    topic: { key: row.topicKey, label: row.topicLabel },
    status: { key: row.statusKey, label: row.statusLabel, colour: row.statusColour, isFinal: toBoolean(row.statusIsFinal) },
    version: row.version,
    contested: toBoolean(row.contested),
    sourceCount: row.sourceCount,
    firstPublishedAt: toIsoTimestampOrNull(row.firstPublishedAt),
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
    attributions: (attributionsByClaim.get(row.id) ?? []).map((a) => toAttributionRecord(a, viaByAttribution.get(a.id) ?? [])),
  }));
}

function toAttributionRecord(row: AttributionRow, via: ViaRow[]): AttributionRecord {
  return {
    id: row.id,
    stance: row.stance,
    verb: row.verb,
    sourcing: row.sourcing,
    accuracy: row.accuracy,
    version: row.version,
    actor: { id: row.actorId, name: row.actorName, kind: row.actorKind, role: row.actorRole ?? row.actorDefaultRole },
    via: via.map((v) => ({ id: v.actorId, name: v.name, kind: v.kind })),
    source: {
      id: row.sourceId,
      title: row.sourceTitle,
      outlet: row.sourceOutlet,
      url: row.sourceUrl,
      publishedAt: toIsoTimestampOrNull(row.sourcePublishedAt),
    },
    quote: { exact: row.quote, prefix: row.quotePrefix, suffix: row.quoteSuffix, start: row.quoteStart, end: row.quoteEnd },
  };
}
