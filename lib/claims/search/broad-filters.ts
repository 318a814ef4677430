import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { dialect } from "@/lib/db/dialect";
import { and, raw, sql, type Sql } from "@/lib/db/sql";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import type { Vocabulary } from "@/lib/vocabulary/queries";
import { actorRoleRowsUpTo, filterConditions, storedRange, type BroadFilters } from "@/lib/claims/search/filter-sql";
import { fullTextClaimIds } from "@/lib/claims/search/full-text";

/** A filter matching more than this share of the claims is broad (filter-sql.ts, BroadFilters). */
const BROAD_SHARE = 0.05;

/**
 * Where the reader keeps a broad search's matches (SqlReader.keptIds, decision 076), a walk
 * to a later page looks each claim it passes up in their table, and collecting reads each
 * match, its claim row and a place in a sort: the search is walked while the walk passes
 * fewer than this many claims per match. At 100k claims, a claim passed cost 0.16 µs
 * (41,000 to the middle page of `q=the&sort=-sources`, 6.5 ms) and a match collected 1.2 µs
 * (the 18,924 of `nor*` sorted by publication, 23 ms).
 */
const CLAIMS_PASSED_PER_KEPT_MATCH = 4;

/**
 * A walk to a later page checks a broad stance on the bits the sort's index holds (decision
 * 075) before any probe, where collecting reads each of the stance's claims from the stance
 * index, then its claim row, then sorts them: the stance is walked while the walk passes
 * fewer than this many claims per claim of the stance. Measured in process, a claim passed
 * cost 0.13 µs at 100k claims and about 0.2 µs at a million, a claim collected 2 and 4 µs:
 * the middle page of `stance=denies&sort=claim` (21% of the claims) went 44 → 6 ms at
 * 100k and 873 → 106 ms at a million when walked; 4 and 8 gave the same within the noise.
 * On PostgreSQL, which walks no index by hand (search-claims.ts, indexWalk), one, as for
 * the other filters.
 */
export const CLAIMS_PASSED_PER_STANCE_CLAIM = dialect === "sqlite" ? 8 : 1;


/**
 * Beside a search, a status or topic is broad (checked on the claim's column after the
 * matches are found) unless the search has at least this many matches per claim of the
 * entries (then checked first, on the ids collected from the column's index: asIndexIds,
 * filter-sql.ts). Measured at a million claims: collecting costs about 0.12 µs per claim
 * of the entries (46 ms for a status of 400,000), and each match it rules out saves about
 * 0.8 µs (a common word's 480,000 matches outside that status: 794 → 412 ms); a rare
 * word's 79 matches went 3 → 49 ms.
 */
const MATCHES_PER_ENTRY_CLAIM = 0.25;

/**
 * Claims per status or per topic among those `where` selects. Over all claims (the default,
 * the WHERE of no filter, as whereClause writes it) it is one statement for the facet, a
 * status or topic filter's total (search-claims.ts) and the broadness below, kept once
 * until the database changes.
 */
export function claimsPerEntry(facet: "status" | "topic", where: Sql = and([])): Sql {
  const column = raw(facet === "status" ? `"statusId"` : `"topicId"`);
  return sql`SELECT c.${column} AS "id", count(*) AS "n" FROM "Claim" c WHERE ${where} GROUP BY c.${column}`;
}

/** Contested and not contested claims among those `where` selects; over all claims, one statement for the facet and the filter's total. */
export function claimsPerContested(where: Sql = and([])): Sql {
  return sql`SELECT c."contested", count(*) AS "n" FROM "Claim" c WHERE ${where} GROUP BY c."contested"`;
}

/** Claims in the whole database, kept until it changes. */
export async function claimsInDatabase(db: SqlReader = sharedReader): Promise<number> {
  const [claims] = await db.allUntilChanged<{ n: number }>(sql`SELECT count(*) AS "n" FROM "Claim"`);
  return claims?.n ?? 0;
}

/**
 * Which of the stance, actor and date filters of `query` are broad for the facet counts
 * (facets.ts): those matching more than BROAD_SHARE of the claims, as for a list's first page.
 */
export async function broadForFacets(query: ClaimQuery, db: SqlReader = sharedReader): Promise<BroadFilters> {
  if (query.stance.length === 0 && query.actor.length === 0 && !query.from && !query.to) return new Set();
  const total = await claimsInDatabase(db);
  if (total === 0) return new Set();
  const threshold = Math.floor(total * BROAD_SHARE);
  const broad = new Set<"stance" | "actor" | "date">(await broadAttributionFilters(query, threshold, db));
  if (await isBroadDateRange(query, total, threshold, db)) broad.add("date");
  return broad;
}

/** The stance and actor filters of `query` that match more than `threshold` claims (a stance: `stanceThreshold`). */
async function broadAttributionFilters(query: ClaimQuery, threshold: number, db: SqlReader, stanceThreshold = threshold): Promise<("stance" | "actor")[]> {
  const broad: ("stance" | "actor")[] = [];
  for (const stance of new Set(query.stance)) {
    if ((await claimsWithStanceUpTo(stance, stanceThreshold + 1, db)) <= stanceThreshold) continue;
    broad.push("stance");
    break;
  }
  if (query.actor.length > 0) {
    // An attribution per claim and place at most matters here: its rows, counted no
    // further than the threshold, bound its claims from above.
    const rows = await db.one<{ n: number }>(actorRoleRowsUpTo(query.actor, query.role, threshold + 1));
    if ((rows?.n ?? 0) > threshold) broad.push("actor");
  }
  return broad;
}

/**
 * Claims holding an attribution of `stance`, counted no further than `limit`: all that
 * deciding whether the stance is broad needs. It reads at most `limit` claims from the
 * stance's index (0.3–0.6 ms at 100k claims, against 18.5 for STANCE_CLAIM_COUNTS, which
 * reads the whole index), and is kept until the database changes like the counts it
 * replaces here. The difference is what the first request after a write pays: every write
 * clears what is kept, and the writers of a newsroom write every few seconds
 * (docs/performance.md, "After a write").
 */
async function claimsWithStanceUpTo(stance: string, limit: number, db: SqlReader): Promise<number> {
  const [row] = await db.allUntilChanged<{ n: number }>(sql`SELECT count(*) AS "n" FROM (SELECT DISTINCT "claimId" FROM "Attribution" WHERE "stance" = ${stance} LIMIT ${limit}) AS "claims"`);
  return Number(row?.n ?? 0);
}

/**
 * Which attribution filters of `query` are broad, estimated from counts over the whole
 * database that are kept until it changes (or, for dates, from the sources in the range,
 * an index range count; a broad date range is then decided from the claims' own earliest
 * and latest publication, filter-sql.ts): measured at 100k claims, `stance=asserts` (81% of claims) took
 * 124 ms for a page as `IN` and under 1 ms as `EXISTS`, and an actor with 600 claims the
 * reverse.
 *
 * `walkShare`, for a page after the first whose total is known: the share of all claims a
 * walk in the sort's order reads to reach the page (the rows before it and its own, over
 * the share of claims that match). A filter is walked only if collecting its claims would
 * read more than that: the middle page of four actors' 8,737 claims at 100k, walked, read
 * half the claims with two EXISTS each (125 ms); collected and sorted, 12 ms. A stance,
 * checked on the index's bits, is walked while the walk passes fewer than
 * CLAIMS_PASSED_PER_STANCE_CLAIM claims per claim it would collect. `firstPage`:
 * the same query's decisions for its first page, whose status and topic (which do not
 * depend on the page) are kept rather than counted again. `queryTotal`: the query's total,
 * when known.
 *
 * A search is broad the same way, in a list sorted by anything but relevance (ranking
 * reads every match whatever the page): its claims are then looked up as the sort's index
 * gives them, rather than collected and sorted (filter-sql.ts, checkedSearch).
 */
export async function broadFilters(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  db: SqlReader = sharedReader,
  walkShare = 0,
  firstPage?: BroadFilters,
  queryTotal?: number,
): Promise<BroadFilters> {
  const broad = new Set<"stance" | "date" | "actor" | "status" | "topic" | "search">();
  if (query.stance.length === 0 && !query.from && !query.to && query.actor.length === 0 && !query.q) return broad;
  const total = await claimsInDatabase(db);
  if (total === 0) return broad;
  const matches = query.q ? fullTextClaimIds(query.q) : null;
  if (firstPage) {
    for (const facet of ["status", "topic"] as const) if (firstPage.has(facet)) broad.add(facet);
  } else if (matches) {
    for (const [facet, entries, chosen] of [
      ["status", vocabulary.statuses, query.status],
      ["topic", vocabulary.topics, query.topic],
    ] as const) {
      if (chosen.length === 0) continue;
      const ids = new Set(entries.filter((entry) => (chosen as readonly string[]).includes(entry.key)).map((entry) => entry.id));
      const counts = await db.allUntilChanged<{ id: number; n: number }>(claimsPerEntry(facet));
      const needed = Math.ceil(counts.filter((row) => ids.has(row.id)).reduce((sum, row) => sum + row.n, 0) * MATCHES_PER_ENTRY_CLAIM);
      // The matches counted no further than needed: at most a quarter of the entries' claims
      // read from the search index (100,000 for a status of 400,000 at a million: a few ms).
      if ((await matchesUpTo(matches, needed, db)) < needed) broad.add(facet);
    }
  }
  const threshold = Math.floor(total * Math.max(BROAD_SHARE, walkShare));
  const stanceThreshold = Math.floor(total * Math.max(BROAD_SHARE, walkShare / CLAIMS_PASSED_PER_STANCE_CLAIM));
  for (const filter of await broadAttributionFilters(query, threshold, db, stanceThreshold)) broad.add(filter);
  if (matches && query.sort !== "relevance") {
    // The matches counted no further than the threshold, in the search index's own order;
    // not at all when the query's total says (counting 50,000 matches of a common prefix
    // takes 33 ms at a million claims): they are at least as many, and as many when the
    // search is the only filter.
    const searchThreshold = db.keptIds ? Math.floor(total * Math.max(BROAD_SHARE, walkShare / CLAIMS_PASSED_PER_KEPT_MATCH)) : threshold;
    const onlyFilter = filterConditions(query, vocabulary).length === 1;
    const known = queryTotal !== undefined && (queryTotal > searchThreshold || onlyFilter);
    const over = known ? queryTotal > searchThreshold : (await matchesUpTo(matches, searchThreshold + 1, db)) > searchThreshold;
    if (over) broad.add("search");
  }
  if (await isBroadDateRange(query, total, threshold, db)) broad.add("date");
  return broad;
}

/**
 * How many of the search's `matches` there are, counted no further than `limit`; kept until
 * the database changes, as a reader pages on through the same search (`that*` to 5,001 at
 * 100k claims: 2.5–3.5 ms, most of it merging the doclists of every word the prefix starts).
 */
async function matchesUpTo(matches: Sql, limit: number, db: SqlReader): Promise<number> {
  const [found] = await db.allUntilChanged<{ n: number }>(sql`SELECT count(*) AS "n" FROM (${matches} LIMIT ${limit}) AS "sample"`);
  return Number(found?.n ?? 0);
}

/**
 * Whether the date range of `query` (if any) holds more than `threshold` of the `total`
 * claims, estimated from the sources published in it (an index range count).
 */
async function isBroadDateRange(query: ClaimQuery, total: number, threshold: number, db: SqlReader): Promise<boolean> {
  if (!query.from && !query.to) return false;
  const [sources] = await db.allUntilChanged<{ n: number }>(sql`SELECT count(*) AS "n" FROM "Source" WHERE "publishedAt" IS NOT NULL`);
  const range = storedRange(query);
  const from = range.from ? sql`"publishedAt" >= ${range.from}` : raw("1 = 1");
  const to = range.to ? sql`"publishedAt" < ${range.to}` : raw("1 = 1");
  const inRange = await db.one<{ n: number }>(sql`SELECT count(*) AS "n" FROM "Source" WHERE "publishedAt" IS NOT NULL AND ${from} AND ${to}`);
  // A claim has about three attributions, so its share of claims is at least the sources' share.
  return (inRange?.n ?? 0) * total > (sources?.n ?? 0) * threshold;
}
