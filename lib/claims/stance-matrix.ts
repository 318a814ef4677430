import "server-only";
import { inIdOrder } from "@/lib/db/rows";
import { list, sql } from "@/lib/db/sql";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toBoolean } from "@/lib/db/values";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { countFacets, type Facets } from "@/lib/claims/search/facets";
import type { FacetName } from "@/lib/claims/search/filter-sql";
import { pageOfMatches } from "@/lib/claims/search/search-claims";
import type { Stance } from "@/lib/vocabulary/terms";
import type { Vocabulary } from "@/lib/vocabulary/queries";

/**
 * The stance matrix: claims (rows) × actors (columns) for one page of a claim query, each
 * cell holding how that actor stands on that claim. Loading is a fixed number of queries
 * (the page's ids, the total, the claims, every involvement); shaping is the pure
 * `buildStanceMatrix`, so the rules for ordering and merging are tested without a database.
 */

/** A direct stance, or "relays": the actor only passed someone else's words on (a via-chain link). */
export type MatrixStance = Stance | "relays";

/** Display order inside a cell: taking a side first, so assert/deny disagreements line up. */
export const MATRIX_STANCES: readonly MatrixStance[] = ["asserts", "denies", "reports", "declines_to_clarify", "relays"];

/** More columns than this stop being readable; the page says how many were left out. */
export const MAX_MATRIX_ACTORS = 30;

export type MatrixClaim = {
  id: number;
  text: string;
  contested: boolean;
  topic: { key: string; label: string };
  status: { key: string; label: string; colour: string };
};

/** One actor's part in one attribution: its own stance, or "relays" for a via-chain link. */
export type Involvement = { claimId: number; actorId: number; actorName: string; stance: MatrixStance; attributionId: number };

export type MatrixActor = { id: number; name: string; /** How many of the shown claims involve this actor. */ claimCount: number };

/** One stance in a cell: the attribution to link to (the first) and how many attributions say it. */
export type CellMark = { stance: MatrixStance; attributionId: number; count: number };

export type MatrixRow = {
  claim: MatrixClaim;
  /** Aligned with `StanceMatrix.actors`; an empty array is an empty cell. */
  cells: CellMark[][];
};

export type StanceMatrix = {
  actors: MatrixActor[];
  rows: MatrixRow[];
  /** Actors involved in the shown claims, including those beyond the column cap. */
  totalActors: number;
};

/**
 * Claims and involvements into a matrix. Columns are ordered by how many of the shown
 * claims an actor is involved in, then by name, and capped at `maxActors`. A cell lists
 * each distinct stance once, in MATRIX_STANCES order, so an actor who both asserts and
 * denies a claim shows both. "relays" is shown only when the actor takes no stance of its
 * own on the claim: passing words on is the weaker involvement, and beside the actor's own
 * stance it would only be noise (the claim page still shows the whole chain).
 */
export function buildStanceMatrix(claims: readonly MatrixClaim[], involvements: readonly Involvement[], options: { maxActors?: number } = {}): StanceMatrix {
  const maxActors = options.maxActors ?? MAX_MATRIX_ACTORS;
  const shownClaims = new Set(claims.map((claim) => claim.id));
  const relevant = involvements.filter((involvement) => shownClaims.has(involvement.claimId));

  // claimId → actorId → stance → mark
  const cells = new Map<number, Map<number, Map<MatrixStance, CellMark>>>();
  const actors = new Map<number, { id: number; name: string; claims: Set<number> }>();
  for (const involvement of relevant) {
    const actor = actors.get(involvement.actorId) ?? { id: involvement.actorId, name: involvement.actorName, claims: new Set<number>() };
    actor.claims.add(involvement.claimId);
    actors.set(actor.id, actor);

    const byActor = cells.get(involvement.claimId) ?? new Map<number, Map<MatrixStance, CellMark>>();
    cells.set(involvement.claimId, byActor);
    const marks = byActor.get(involvement.actorId) ?? new Map<MatrixStance, CellMark>();
    byActor.set(involvement.actorId, marks);
    const mark = marks.get(involvement.stance);
    if (mark) {
      mark.count += 1;
      // The earliest attribution is the stable link target, whatever order the rows came in.
      mark.attributionId = Math.min(mark.attributionId, involvement.attributionId);
    } else {
      marks.set(involvement.stance, { stance: involvement.stance, attributionId: involvement.attributionId, count: 1 });
    }
  }

  const ordered = [...actors.values()]
    .map((actor) => ({ id: actor.id, name: actor.name, claimCount: actor.claims.size }))
    .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id);
  const shown = ordered.slice(0, Math.max(0, maxActors));

  return {
    actors: shown,
    totalActors: ordered.length,
    rows: claims.map((claim) => ({
      claim,
      cells: shown.map((actor) => cellMarks(cells.get(claim.id)?.get(actor.id))),
    })),
  };
}

function cellMarks(marks: Map<MatrixStance, CellMark> | undefined): CellMark[] {
  if (!marks) return [];
  const direct = MATRIX_STANCES.filter((stance) => stance !== "relays" && marks.has(stance));
  const stances = direct.length > 0 ? direct : MATRIX_STANCES.filter((stance) => marks.has(stance));
  return stances.map((stance) => ({ ...marks.get(stance)! }));
}

export type StanceMatrixPage = {
  matrix: StanceMatrix;
  total: number;
  page: number;
  pageSize: number;
  facets?: Facets;
  facetsMissing?: FacetName[];
};

type ClaimRow = {
  id: number;
  text: string;
  contested: boolean | number;
  topicKey: string;
  topicLabel: string;
  statusKey: string;
  statusLabel: string;
  statusColour: string;
};

/** The matrix for one page of `query`: the same claims, in the same order, as that page of /claims. */
export async function loadStanceMatrix(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  options: { facets?: boolean; maxActors?: number; reader?: SqlReader } = {},
): Promise<StanceMatrixPage> {
  const db = options.reader ?? sharedReader;
  const { ids, total } = await pageOfMatches(query, vocabulary, db);
  const [claims, involvements, facets] = await Promise.all([
    loadMatrixClaims(ids, db),
    loadInvolvements(ids, db),
    // The total predicts the first facet, as for the claim list (decision 060).
    options.facets ? countFacets(query, vocabulary, { reader: db, matches: total }) : undefined,
  ]);
  return {
    matrix: buildStanceMatrix(claims, involvements, { maxActors: options.maxActors }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    ...(facets ? { facets: facets.facets, facetsMissing: facets.missing } : {}),
  };
}

/** The claims behind the row headers, in the order of `ids`. */
async function loadMatrixClaims(ids: readonly number[], db: SqlReader): Promise<MatrixClaim[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<ClaimRow>(sql`
    SELECT c."id", c."text", c."contested", t."key" AS "topicKey", t."label" AS "topicLabel",
           st."key" AS "statusKey", st."label" AS "statusLabel", st."colour" AS "statusColour"
    FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" JOIN "Status" st ON st."id" = c."statusId"
    WHERE c."id" IN ${list(ids)}`);
  return inIdOrder(ids, rows, (row) => ({
    id: row.id,
    text: row.text,
    contested: toBoolean(row.contested),
    topic: { key: row.topicKey, label: row.topicLabel },
    status: { key: row.statusKey, label: row.statusLabel, colour: row.statusColour },
  }));
}

/** Every actor's part in the given claims, as speaker or as a via-chain link, in one query. */
async function loadInvolvements(ids: readonly number[], db: SqlReader): Promise<Involvement[]> {
  if (ids.length === 0) return [];
  const idList = list(ids);
  return db.all<Involvement>(sql`
    SELECT a."claimId", a."actorId", ac."name" AS "actorName", a."stance", a."id" AS "attributionId"
    FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId"
    WHERE a."claimId" IN ${idList}
    UNION ALL
    SELECT a."claimId", v."actorId", ac."name" AS "actorName", 'relays' AS "stance", a."id" AS "attributionId"
    FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId" JOIN "Actor" ac ON ac."id" = v."actorId"
    WHERE a."claimId" IN ${idList}
    ORDER BY "attributionId"`);
}
