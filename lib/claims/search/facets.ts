import "server-only";
import { dialect } from "@/lib/db/dialect";
import { join, list, raw, sql, type Sql } from "@/lib/db/sql";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { toBoolean } from "@/lib/db/values";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { filterConditions, whereClause, type Condition, type FacetName } from "@/lib/claims/search/filter-sql";
import { broadForFacets, claimsInDatabase, claimsPerContested, claimsPerEntry } from "@/lib/claims/search/broad-filters";
import { FacetCostModel, type MatchKind } from "@/lib/claims/search/facet-cost";
import { countMatchingClaims } from "@/lib/claims/search/search-claims";
import { STANCES, STANCE_LABELS, type Stance } from "@/lib/vocabulary/terms";
import { holdsAnyStance, STANCE_BITS } from "@/lib/claims/search/stance-bits";
import type { Vocabulary } from "@/lib/vocabulary/queries";

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type Facets = Record<FacetName, FacetOption[]>;

/**
 * Claims holding an attribution of each stance among those `where` selects, as one row of a
 * count per stance: from the bits of Claim."stances" (decision 075), a count over claims
 * like the status facet's, where counting distinct claims over their attributions took
 * 15 times as long (209–224 ms at 100k claims under `status=unreviewed`).
 */
function claimsPerStance(where: Sql): Sql {
  const counts = STANCES.map((stance) => sql`sum(CASE WHEN ${holdsAnyStance(STANCE_BITS[stance])} THEN 1 ELSE 0 END) AS ${raw(`"${stance}"`)}`);
  return sql`SELECT ${join(counts, ", ")} FROM "Claim" c WHERE ${where}`;
}

/** How many options the source and actor facets list (the most frequent, plus any selected). */
const TOP_OPTIONS = 15;

/**
 * The time the facet counts may take before the remaining facets are left out (as
 * Datasette's facet_time_limit_ms does): a facet is counted only if it is predicted to end
 * within this budget, the facets counted so far predicting the others. Facets
 * left out are named in `missing`, never given wrong or partial counts (docs/performance.md).
 */
export const FACET_TIME_LIMIT_MS = 70;

/**
 * On PostgreSQL every facet is a round trip to another process, and a server's first lists
 * also pay for planning and new connections: with 70 ms the attribution facets were still
 * left out there (tests/integration/read-api.test.ts on PostgreSQL, docs/decisions/047).
 * To be measured at 100k claims with the PostgreSQL bench (issue 13, item 8).
 */
export const POSTGRES_FACET_TIME_LIMIT_MS = 300;

/**
 * In a database of at most this many claims every facet is counted, whatever the first one
 * took: no count can pass over more claims than that (milliseconds each). A process's first
 * statements (loading, preparing) on a busy machine otherwise left every facet out of a
 * small database's first page, with the message that too many claims match. A caller's own
 * budget still applies.
 */
export const ALWAYS_COUNTED_UP_TO_CLAIMS = 5_000;

/**
 * What a statement costs whatever the rows (a round trip to PostgreSQL, preparing): not
 * multiplied by the factors below, or on a small database every facet after the first
 * would be predicted to take longer than the limit.
 */
const STATEMENT_OVERHEAD_MS = 2;

/** The least work (milliseconds beyond the overhead) a unit must be measured from before a facet's factor is learned from it. */
const RELIABLE_UNIT_MS = 1;

/**
 * How long each facet takes relative to the status facet over the same claims, to start
 * with (a prediction, not a promise): each process then learns the factors from its own
 * requests (lib/claims/search/facet-cost.ts).
 */
// Measured at 100k claims under status=unreviewed and contested=false (40k and 82k
// matches): a claim-level facet 8–28 ms, source 149–312, actor 171–1,047. The stance facet
// counts the claims' stance bits (decision 075), as a claim-level facet does.
const COST_FACTOR: Record<FacetName, number> = { status: 1, topic: 1, contested: 1, stance: 1, source: 15, actor: 25 };

/**
 * What the status facet costs per matching claim, which predicts a list's first facet from
 * its total: under filters on the claim's columns alone, an index count (about 0.05 µs a
 * claim); under anything else each claim is found through attributions or the search index
 * (0.5–1 µs a claim, measured at 100k and 1M under a broad stance, a wide date range and a
 * common word). The lower ends, so that only counts sure to pass the limit are left out.
 */
const UNIT_PER_MATCH_MS: Record<MatchKind, number> = { claimColumns: 0.000_05, other: 0.000_5 };

/** This process's facet costs, shared by every request (one model per process, as the statement cache). */
const globalForFacets = globalThis as unknown as { claimtrailFacetCosts?: FacetCostModel };
const facetCosts = (globalForFacets.claimtrailFacetCosts ??= new FacetCostModel(COST_FACTOR, STATEMENT_OVERHEAD_MS, RELIABLE_UNIT_MS, UNIT_PER_MATCH_MS));

/** The facets in the order they are counted: the cheap claim-level ones first. */
export const FACET_ORDER: readonly FacetName[] = ["status", "topic", "contested", "stance", "actor", "source"];

/** Facet counts, and the facets that were not counted within the time limit (their options are empty). */
export type FacetCounts = { facets: Facets; missing: FacetName[] };

/**
 * Counts for every facet option under all the other active filters (as Datasette does):
 * each count says how many claims that option would leave if it were the only one chosen
 * in its facet. One grouped query per facet, one facet after another until `budgetMs`
 * has passed; the facets not started by then are returned empty and named in `missing`.
 */
export async function countFacets(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  options: {
    budgetMs?: number;
    reader?: SqlReader;
    /**
     * How many claims the query matches, when the caller has the list's total: it predicts
     * the first facet. Without it the matches are counted here, the list's way, unless no
     * time limit applies (then nothing is predicted).
     */
    matches?: number;
  } = {},
): Promise<FacetCounts> {
  const db = options.reader ?? sharedReader;
  const budgetMs = options.budgetMs ?? (await defaultBudgetMs(db));
  const matches = options.matches ?? (budgetMs === Number.POSITIVE_INFINITY ? undefined : await countMatchingClaims(query, vocabulary, db));
  const conditions = filterConditions(query, vocabulary);
  const conditionsOf = await facetConditions(query, vocabulary, conditions, db);
  const where = (facet: FacetName) => whereClause(conditionsOf(facet), facet);
  // A facet whose count no other filter restricts counts over all claims: it can read the
  // attribution indexes alone, without joining every claim.
  const unrestricted = (facet: FacetName) => conditions.every((condition) => condition.facet === facet);
  // Counts over all claims are the same for every request until the database changes.
  const count = <Row>(facet: FacetName, query: Sql) => (unrestricted(facet) ? db.allUntilChanged<Row>(query) : db.all<Row>(query));

  /** A facet over a claim column that names a vocabulary entry (a status, a topic): one grouped count, labelled from the vocabulary. */
  const vocabularyFacet = async (facet: "status" | "topic", entries: readonly { id: number; key: string; label: string }[], selected: readonly string[]) => {
    const counts = countMap(await count<Count>(facet, claimsPerEntry(facet, where(facet))));
    return entries
      .map((entry) => ({ value: entry.key, label: entry.label, count: counts.get(entry.id) ?? 0, selected: selected.includes(entry.key) }))
      .filter((option) => option.count > 0 || option.selected);
  };

  const counters: Record<FacetName, () => Promise<FacetOption[]>> = {
    status: () => vocabularyFacet("status", vocabulary.statuses, query.status),
    topic: () => vocabularyFacet("topic", vocabulary.topics, query.topic),
    contested: async () => {
      const rows = await count<{ contested: boolean | number; n: number }>("contested", claimsPerContested(where("contested")));
      const counts = new Map(rows.map((row) => [toBoolean(row.contested), row.n]));
      return [
        { value: "true", label: "contested", count: counts.get(true) ?? 0, selected: query.contested === true },
        { value: "false", label: "not contested", count: counts.get(false) ?? 0, selected: query.contested === false },
      ];
    },
    stance: async () => {
      const [counts] = await count<Record<Stance, number | string | null>>("stance", claimsPerStance(where("stance")));
      return STANCES.map((stance) => ({
        value: stance,
        label: STANCE_LABELS[stance],
        // A sum over no claims is NULL; PostgreSQL's sums are bigints, read as text.
        count: Number(counts?.[stance] ?? 0),
        selected: query.stance.includes(stance),
      })).filter((option) => option.count > 0 || option.selected);
    },
    source: () => sourceFacet(query, unrestricted("source") ? null : where("source"), db),
    actor: () => actorFacet(query, unrestricted("actor") ? null : where("actor"), db),
  };

  // A facet is counted only if it is expected to end within the budget, the facets counted
  // so far predicting the others (lib/claims/search/facet-cost.ts). A facet answered from
  // the whole-database cache costs nothing and predicts nothing.
  // The first facet's conditions say what it passes over. A broad stance or date range
  // (facetConditions) is checked on the claim's columns but is no range of an index
  // (`unranged`): the count reads far more claims than match (at a million claims, the
  // status facet under `stance=declines_to_clarify`, 185,000 matches: 55–80 ms; under a
  // range holding 81% of the claims: 320 ms), so it is predicted as a count through
  // something else.
  const onIndexRanges = conditionsOf(FACET_ORDER[0]!).every((condition) => condition.readsClaimColumns && !condition.unranged);
  const kind: MatchKind = onIndexRanges ? "claimColumns" : "other";
  const timer = facetCosts.startRequest(budgetMs, matches === undefined ? undefined : { kind, matches });
  // What a facet passes over, relative to the list's matches (facet-cost.ts): a facet with a
  // filter of its own counts without that filter, over the claims the list would match
  // without it, counted the list's way. A facet over all claims is kept until the database
  // changes and is not predicted; without a limit nothing is.
  const scaleOf = async (facet: FacetName): Promise<number> => {
    if (matches === undefined || budgetMs === Number.POSITIVE_INFINITY || unrestricted(facet) || conditions.every((condition) => condition.facet !== facet)) return 1;
    return Math.max(1, await countMatchingClaims(withoutFilter(query, facet), vocabulary, db)) / Math.max(1, matches);
  };
  const facets = {} as Facets;
  const missing: FacetName[] = [];
  for (const facet of FACET_ORDER) {
    // A facet that does not fit over the matches alone fits over no more: no need to count.
    const scale = timer.fits(facet) ? await scaleOf(facet) : 1;
    if (!timer.fits(facet, scale)) {
      facets[facet] = [];
      missing.push(facet);
    } else {
      facets[facet] = unrestricted(facet) ? await counters[facet]() : await timer.measure(facet, counters[facet], scale);
    }
  }
  return { facets, missing };
}

/** `query` without the filter of `facet`: what that facet's counts pass over. */
function withoutFilter(query: ClaimQuery, facet: FacetName): ClaimQuery {
  return facet === "contested" ? { ...query, contested: undefined } : { ...query, [facet]: [] };
}

/**
 * The conditions one facet's count runs under. A broad stance or actor filter (matching
 * more than 5% of the claims, broad-filters.ts) beside a narrow list of ids the facet also
 * runs under (an actor, a source, a search…) is written as a check on each claim that list
 * collects (its EXISTS, or the stance's bits), not as a second list of ids to intersect
 * with it: the database otherwise drove the count from the broad list. At a million claims,
 * the status facet of `actor=5367&stance=denies` read the 214,000 claims of the stance (204
 * ms) where the actor collects 37,000 (104 ms), and a rare word with a stance and a topic
 * went 260 → 129 ms. Alone, or beside other broad filters only, a broad actor stays a list:
 * counting every claim it holds, a check would be made on every claim of the database
 * (`stance=declines_to_clarify` without its status filter, at a million: 200 ms as a list,
 * 380 as an EXISTS on each claim). A broad stance is checked on the claim's stance bits
 * there too, and a broad date range on the claim's earliest and latest publication
 * (decision 063), which the indexes on the claim's columns hold (decisions 074, 075): the
 * count reads one of those indexes, and attributions only for a claim whose dates span the
 * range. At 100k claims the facets of a wide date range took 78–110 ms with the range
 * collected from its sources' attributions, of `to=2024-10-08&status=mostly_false&actor=…`
 * (no match) 92–102 ms.
 */
async function facetConditions(query: ClaimQuery, vocabulary: Vocabulary, conditions: Condition[], db: SqlReader): Promise<(facet: FacetName) => Condition[]> {
  const broad = await broadForFacets(query, db);
  if (broad.size === 0) return () => conditions;
  const checked = filterConditions(query, vocabulary, broad);
  const onClaimColumns = new Set([...broad].filter((filter) => filter !== "actor"));
  const columnsChecked = onClaimColumns.size > 0 ? filterConditions(query, vocabulary, onClaimColumns) : conditions;
  const isBroad = (condition: Condition) => broad.has(condition.facet as "stance" | "actor" | "date");
  return (facet) => (conditions.some((condition) => condition.facet !== facet && condition.collectsClaimIds && !isBroad(condition)) ? checked : columnsChecked);
}

/** The facet time limit of this database: none for a small one. */
async function defaultBudgetMs(db: SqlReader): Promise<number> {
  if ((await claimsInDatabase(db)) <= ALWAYS_COUNTED_UP_TO_CLAIMS) return Number.POSITIVE_INFINITY;
  return dialect === "postgresql" ? POSTGRES_FACET_TIME_LIMIT_MS : FACET_TIME_LIMIT_MS;
}

/**
 * Attributions of the claims `where` selects (null: of all claims), as a FROM clause that
 * names the attribution `a`. Without a condition no claim is read.
 */
function attributionsOf(where: Sql | null): Sql {
  return where ? sql`"Claim" c JOIN "Attribution" a ON a."claimId" = c."id" WHERE ${where}` : sql`"Attribution" a WHERE 1 = 1`;
}

type Count = { id: number; n: number };

async function sourceFacet(query: ClaimQuery, where: Sql | null, db: SqlReader): Promise<FacetOption[]> {
  const top = await (where ? db.all : db.allUntilChanged)<Count>(sql`
    SELECT a."sourceId" AS "id", count(DISTINCT a."claimId") AS "n" FROM ${attributionsOf(where)}
    GROUP BY a."sourceId" ORDER BY "n" DESC, a."sourceId" LIMIT ${TOP_OPTIONS}`);
  const counts = await withSelected(top, query.source, (ids) =>
    db.all<Count>(sql`
      SELECT a."sourceId" AS "id", count(DISTINCT a."claimId") AS "n" FROM ${attributionsOf(where)} AND a."sourceId" IN ${list(ids)}
      GROUP BY a."sourceId"`),
  );
  const labels = await labelMap(
    counts.map((row) => row.id),
    (ids) => db.all<{ id: number; label: string }>(sql`SELECT "id", "title" || ' (' || "outlet" || ')' AS "label" FROM "Source" WHERE "id" IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `source ${row.id}`, count: row.n, selected: query.source.includes(row.id) }));
}

async function actorFacet(query: ClaimQuery, where: Sql | null, db: SqlReader): Promise<FacetOption[]> {
  const top = await (where ? db.all : db.allUntilChanged)<Count>(sql`${actorCounts(where, null)} ORDER BY "n" DESC, "id" LIMIT ${TOP_OPTIONS}`);
  const counts = await withSelected(top, query.actor, (ids) => db.all<Count>(actorCounts(where, ids)));
  const labels = await labelMap(
    counts.map((row) => row.id),
    (ids) => db.all<{ id: number; label: string }>(sql`SELECT "id", "name" AS "label" FROM "Actor" WHERE "id" IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `actor ${row.id}`, count: row.n, selected: query.actor.includes(row.id) }));
}

/**
 * Claims per actor among the claims `where` selects (null: all claims), an actor counting
 * once per claim whether they made, denied or relayed it (docs/performance.md). `ids`:
 * count only these actors.
 */
function actorCounts(where: Sql | null, ids: number[] | null): Sql {
  const own = ids ? sql`AND a."actorId" IN ${list(ids)}` : raw("");
  const relayed = ids ? sql`AND v."actorId" IN ${list(ids)}` : raw("");
  if (where) {
    // Under a filter the involvements are few: one distinct count over both kinds is cheapest.
    return sql`
      SELECT "actorId" AS "id", count(DISTINCT "claimId") AS "n" FROM (
        SELECT a."actorId", a."claimId" FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c."id" WHERE ${where} ${own}
        UNION ALL
        SELECT v."actorId", a."claimId" FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c."id" JOIN "AttributionVia" v ON v."attributionId" = a."id"
        WHERE ${where} ${relayed}
      ) involvements GROUP BY "actorId"`;
  }
  // Over all claims that union would be 350k rows; two grouped passes over the indexes are
  // far cheaper, the second counting only claims the actor did not also make or deny.
  return sql`
    SELECT "actorId" AS "id", sum("n") AS "n" FROM (
      SELECT a."actorId", count(DISTINCT a."claimId") AS "n" FROM "Attribution" a WHERE 1 = 1 ${own} GROUP BY a."actorId"
      UNION ALL
      SELECT v."actorId", count(DISTINCT a."claimId") AS "n" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId"
      WHERE NOT EXISTS (SELECT 1 FROM "Attribution" d WHERE d."actorId" = v."actorId" AND d."claimId" = a."claimId") ${relayed}
      GROUP BY v."actorId"
    ) counts GROUP BY "actorId"`;
}

/** The top options plus any selected option that is not among them (with its own count, possibly 0). */
async function withSelected(top: Count[], selected: number[], countSelected: (ids: number[]) => Promise<Count[]>): Promise<Count[]> {
  const missing = selected.filter((id) => !top.some((row) => row.id === id));
  if (missing.length === 0) return top;
  const found = countMap(await countSelected(missing));
  return [...top, ...missing.map((id) => ({ id, n: found.get(id) ?? 0 }))];
}

async function labelMap(ids: number[], load: (ids: number[]) => Promise<{ id: number; label: string }[]>): Promise<Map<number, string>> {
  return ids.length === 0 ? new Map() : new Map((await load(ids)).map((row) => [row.id, row.label]));
}

function countMap(rows: Count[]): Map<number, number> {
  return new Map(rows.map((row) => [row.id, row.n]));
}
