import type { Prisma } from "@/lib/generated/prisma/client";
import { findActorsByNameOrAlias, type StoredActor } from "@/lib/actors/resolve-actor";
import { findInChunks } from "@/lib/db/chunks";
import { MAX_STORED_ID } from "@/lib/import/limits";
import type { ImportRow } from "@/lib/import/parse-row";
import { normalizeKey } from "@/lib/text/normalize";
import { attributionIdentity } from "./deduplicate";
import { claimTextKey } from "./resolve-claims";

type Tx = Prisma.TransactionClient;

export type StoredClaim = { id: number; text: string; topic: { key: string }; status: { key: string } };
export type StoredSource = { id: number; title: string; outlet: string; url: string | null; publishedAt: Date | null; text: string };

/**
 * What the database already holds of what the rows name, read in a few batched queries:
 * the one step of planning that reads the database. The steps after it only look here,
 * so they are tested without a database (tests/unit/import-plan-steps.test.ts).
 */
export type ExistingRecords = {
  claimsById: ReadonlyMap<number, StoredClaim>;
  /** By topic and comparison key of the text (claimTextKey). */
  claimsByText: ReadonlyMap<string, StoredClaim>;
  highestClaimId: number;
  /** By comparison key of a name or alias (lib/actors/resolve-actor.ts). */
  actors: ReadonlyMap<string, StoredActor>;
  sourcesByUrl: ReadonlyMap<string, StoredSource>;
  /** Sources without a URL in the file are known by title and outlet (sourceTitleKey). */
  sourcesByTitle: ReadonlyMap<string, StoredSource>;
};

export const sourceTitleKey = (title: string, outlet: string) => `${title}\u0000${outlet}`;

export async function findExistingRecords(db: Tx, rows: readonly ImportRow[]): Promise<ExistingRecords> {
  const claimSelect = { id: true, text: true, topic: { select: { key: true } }, status: { select: { key: true } } } as const;
  const claimsById = new Map(
    // An id no claim column can hold (PostgreSQL's INTEGER stops at 2^31 − 1) names no claim:
    // it is refused later as past the margin (resolve-claims.ts), not sent to the database.
    (await findInChunks(rows.flatMap((row) => (row.claimId === null || row.claimId > MAX_STORED_ID ? [] : [row.claimId])), (ids) => db.claim.findMany({ where: { id: { in: ids } }, select: claimSelect }))).map((claim) => [claim.id, claim]),
  );
  const claimsByText = new Map(
    (await findInChunks(rows.map((row) => normalizeKey(row.claim)), (texts) => db.claim.findMany({ where: { normalizedText: { in: texts } }, select: claimSelect }))).map((claim) => [
      claimTextKey(claim.topic.key, claim.text),
      claim,
    ]),
  );
  const actors = await findActorsByNameOrAlias(db, rows.flatMap((row) => [row.actor, ...row.via]));

  const sourceSelect = { id: true, title: true, outlet: true, url: true, publishedAt: true, text: true } as const;
  const sourcesByUrl = new Map(
    (await findInChunks(rows.flatMap((row) => (row.sourceUrl ? [row.sourceUrl] : [])), (urls) => db.source.findMany({ where: { url: { in: urls } }, select: sourceSelect }))).map((source) => [source.url!, source]),
  );
  // Without a URL a source is known by title and outlet; a stored source without URL is preferred, then the oldest.
  const sourcesByTitle = new Map<string, StoredSource>();
  const titled = await findInChunks(rows.flatMap((row) => (row.sourceUrl ? [] : [row.sourceTitle])), (titles) =>
    db.source.findMany({ where: { title: { in: titles } }, select: sourceSelect, orderBy: { id: "asc" } }),
  );
  for (const source of titled) {
    const key = sourceTitleKey(source.title, source.outlet);
    const known = sourcesByTitle.get(key);
    if (!known || (known.url !== null && source.url === null)) sourcesByTitle.set(key, source);
  }
  const highestClaimId = (await db.claim.aggregate({ _max: { id: true } }))._max.id ?? 0;
  return { claimsById, claimsByText, highestClaimId, actors, sourcesByUrl, sourcesByTitle };
}

/**
 * The identities (attributionIdentity) of the attributions already stored for the claims
 * the plan matched: read after the claims are resolved, since only then is it known which.
 */
export async function findStoredAttributionKeys(db: Tx, claimIds: readonly number[]): Promise<Set<string>> {
  const stored = await findInChunks([...claimIds], (ids) =>
    db.attribution.findMany({ where: { claimId: { in: ids } }, select: { claimId: true, sourceId: true, actorId: true, stance: true, quote: true, quoteStart: true, quoteEnd: true } }),
  );
  return new Set(stored.map((a) => attributionIdentity(`id:${a.claimId}`, `s#${a.sourceId}`, `a#${a.actorId}`, a.stance, a.quote, a.quoteStart, a.quoteEnd)));
}
