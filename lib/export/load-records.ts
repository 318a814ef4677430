import "server-only";
import { list, sql } from "@/lib/db/sql";
import { toIsoTimestamp, toIsoTimestampOrNull } from "@/lib/db/timestamps";
import type { ExportConnection } from "@/lib/export/connection";
import type { ExportRecord, ReviewRecord, VerdictFacts } from "@/lib/export/export-record";
import type { AttributionRecord } from "@/lib/claims/records";
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";

/*
 * Full records for one batch of claim ids, on the export's own connection: a fixed number
 * of IN-queries per batch (claims, attributions, via-chains, note counts and, for
 * ClaimReview, verdicts), never one per row. The record shape and the SQL are those of
 * lib/claims/records.ts (loadClaimRecords), which reads only through the app's shared
 * connection; tests/integration/export-records.test.ts checks the two agree.
 */

type ClaimRow = {
  id: number;
  text: string;
  version: number;
  contested: number;
  sourceCount: number;
  firstPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  topicKey: string;
  topicLabel: string;
  statusKey: string;
  statusLabel: string;
  statusColour: string;
  statusIsFinal: number;
  statusRating: number | null;
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

export function loadExportRecords(db: ExportConnection, ids: readonly number[]): ExportRecord[] {
  return load(db, ids, false);
}

/** Records with what a ClaimReview needs: the rating and the latest change to the current status. */
export function loadReviewRecords(db: ExportConnection, ids: readonly number[]): ReviewRecord[] {
  return load(db, ids, true) as ReviewRecord[];
}

function load(db: ExportConnection, ids: readonly number[], withVerdicts: boolean): ExportRecord[] {
  if (ids.length === 0) return [];
  const idList = list(ids);
  const claims = db.all<ClaimRow>(sql`
    SELECT c.id, c.text, c.version, c.contested, c.sourceCount, c.firstPublishedAt, c.createdAt, c.updatedAt,
           t.key AS topicKey, t.label AS topicLabel,
           st.key AS statusKey, st.label AS statusLabel, st.colour AS statusColour, st.isFinal AS statusIsFinal,
           st.ratingValue AS statusRating
    FROM Claim c JOIN Topic t ON t.id = c.topicId JOIN Status st ON st.id = c.statusId
    WHERE c.id IN ${idList}`);
  const attributions = db.all<AttributionRow>(sql`
    SELECT a.id, a.claimId, a.stance, a.verb, a.sourcing, a.accuracy, a.version, a.actorRole,
           a.quote, a.quotePrefix, a.quoteSuffix, a.quoteStart, a.quoteEnd,
           ac.id AS actorId, ac.name AS actorName, ac.kind AS actorKind, ac.role AS actorDefaultRole,
           s.id AS sourceId, s.title AS sourceTitle, s.outlet AS sourceOutlet, s.url AS sourceUrl, s.publishedAt AS sourcePublishedAt
    FROM Attribution a JOIN Actor ac ON ac.id = a.actorId JOIN Source s ON s.id = a.sourceId
    WHERE a.claimId IN ${idList}
    ORDER BY a.claimId, a.sourceId, a.quoteStart, a.id`);
  const vias = db.all<ViaRow>(sql`
    SELECT v.attributionId, v.actorId, ac.name, ac.kind
    FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId JOIN Actor ac ON ac.id = v.actorId
    WHERE a.claimId IN ${idList}
    ORDER BY v.attributionId, v.position`);
  // Deleted notes stay as tombstones (their text is in the audit log); they are not counted.
  const notes = db.all<{ claimId: number; n: number }>(sql`
    SELECT claimId, count(*) AS n FROM Annotation WHERE claimId IN ${idList} AND deletedAt IS NULL GROUP BY claimId`);
  const verdicts = withVerdicts
    ? db.all<{ claimId: number; rationale: string; createdAt: string }>(sql`
        SELECT sc.claimId, sc.rationale, sc.createdAt
        FROM StatusChange sc JOIN Claim c ON c.id = sc.claimId AND sc.toStatusId = c.statusId
        WHERE sc.claimId IN ${idList}
        ORDER BY sc.claimId, sc.createdAt DESC, sc.id DESC`)
    : [];

  const viaByAttribution = groupBy(vias, (via) => via.attributionId);
  const attributionsByClaim = groupBy(attributions, (row) => row.claimId);
  const notesByClaim = new Map(notes.map((row) => [row.claimId, row.n]));
  const latestChange = new Map<number, { rationale: string; createdAt: string }>();
  for (const row of verdicts) {
    if (!latestChange.has(row.claimId)) latestChange.set(row.claimId, { rationale: row.rationale, createdAt: toIsoTimestamp(row.createdAt) });
  }
  const byId = new Map(claims.map((row) => [row.id, row]));

  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const record: ExportRecord = {
      id: row.id,
      text: row.text,
      topic: { key: row.topicKey, label: row.topicLabel },
      status: { key: row.statusKey, label: row.statusLabel, colour: row.statusColour, isFinal: row.statusIsFinal === 1 },
      version: row.version,
      contested: row.contested === 1,
      sourceCount: row.sourceCount,
      firstPublishedAt: toIsoTimestampOrNull(row.firstPublishedAt),
      createdAt: toIsoTimestamp(row.createdAt),
      updatedAt: toIsoTimestamp(row.updatedAt),
      attributions: (attributionsByClaim.get(id) ?? []).map((a) => toAttributionRecord(a, viaByAttribution.get(a.id) ?? [])),
      annotationsCount: notesByClaim.get(id) ?? 0,
    };
    if (!withVerdicts) return [record];
    const verdict: VerdictFacts = { ratingValue: row.statusRating, latestChange: latestChange.get(id) ?? null };
    return [{ ...record, verdict }];
  });
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

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
