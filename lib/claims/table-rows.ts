import "server-only";
import { groupBy, inIdOrder } from "@/lib/db/rows";
import { list, sql } from "@/lib/db/sql";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toBoolean } from "@/lib/db/values";
import { toIsoTimestamp } from "@/lib/db/timestamps";
import { ATTRIBUTION_ORDER } from "@/lib/claims/records";
import type { Stance } from "@/lib/vocabulary/terms";

/** The stances the table has a column for ("Asserted by", "Denied by"). */
const ASSERTS: Stance = "asserts";
const DENIES: Stance = "denies";

/** One row of the claim table: only what the table shows, as plain data for a client component. */
export type ClaimRow = {
  id: number;
  text: string;
  topic: string;
  status: { label: string; colour: string };
  contested: boolean;
  asserted: string[];
  denied: string[];
  via: string[];
  sources: number;
  updatedAt: string;
};

type ClaimColumns = {
  id: number;
  text: string;
  contested: boolean | number;
  sourceCount: number;
  updatedAt: string;
  topicLabel: string;
  statusLabel: string;
  statusColour: string;
};

type NameRow = { claimId: number; stance: string; name: string };

/**
 * The table's rows for these claim ids, in their order. Reads only the columns the table
 * shows: the full records (quotes, sources, via chains; lib/claims/records.ts) took three
 * times as long for 50 rows, 1.2 ms against 0.4, and the page kept only the names
 * (docs/decisions/071). Names are listed once each, in the claim's attribution order.
 */
export async function loadClaimRows(ids: readonly number[], db: SqlReader = sharedReader): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  const idList = list(ids);
  const [claims, actors, intermediaries] = await Promise.all([
    db.all<ClaimColumns>(sql`
      SELECT c."id", c."text", c."contested", c."sourceCount", c."updatedAt", t."label" AS "topicLabel", st."label" AS "statusLabel", st."colour" AS "statusColour"
      FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" JOIN "Status" st ON st."id" = c."statusId"
      WHERE c."id" IN ${idList}`),
    db.all<NameRow>(sql`
      SELECT a."claimId", a."stance", ac."name" FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId"
      WHERE a."claimId" IN ${idList} AND a."stance" IN ${list([ASSERTS, DENIES])}
      ORDER BY ${ATTRIBUTION_ORDER}`),
    db.all<NameRow>(sql`
      SELECT a."claimId", a."stance", ac."name" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" JOIN "Actor" ac ON ac."id" = v."actorId"
      WHERE a."claimId" IN ${idList}
      ORDER BY ${ATTRIBUTION_ORDER}, v."position"`),
  ]);
  const actorsByClaim = groupBy(actors, (row) => row.claimId);
  const intermediariesByClaim = groupBy(intermediaries, (row) => row.claimId);
  return inIdOrder(ids, claims, (row) => {
    const named = actorsByClaim.get(row.id) ?? [];
    return {
      id: row.id,
      text: row.text,
      topic: row.topicLabel,
      status: { label: row.statusLabel, colour: row.statusColour },
      contested: toBoolean(row.contested),
      asserted: namesOf(named.filter((a) => a.stance === ASSERTS)),
      denied: namesOf(named.filter((a) => a.stance === DENIES)),
      via: namesOf(intermediariesByClaim.get(row.id) ?? []),
      sources: row.sourceCount,
      updatedAt: toIsoTimestamp(row.updatedAt),
    };
  });
}

/** Each name once, where it first appears. */
function namesOf(rows: readonly NameRow[]): string[] {
  return [...new Set(rows.map((row) => row.name))];
}
