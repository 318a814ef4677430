import "server-only";
import { join, raw, sql, type Sql } from "@/lib/db/sql";
import { caseless, dialect, withoutIndex } from "@/lib/db/dialect";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import type { ClaimQuery, SortKey } from "@/lib/claims/query/claim-query";
import {
  asIndexIds,
  DATED_CLAIMS,
  datedClaimsOutsideRange,
  filterConditions,
  onIdsUnlessRowsRead,
  whereClause,
  type BroadFilters,
  type Condition,
} from "@/lib/claims/search/filter-sql";
import { broadFilters, claimsInDatabase, claimsPerContested, claimsPerEntry } from "@/lib/claims/search/broad-filters";
import { toBoolean } from "@/lib/db/values";
import { rankedFullTextMatches } from "@/lib/claims/search/full-text";
import { holdsAnyStance, stanceMask } from "@/lib/claims/search/stance-bits";
import type { Vocabulary } from "@/lib/vocabulary/queries";
import { claimsInVocabularyOrder, vocabularyOrder, type VocabularySort } from "@/lib/claims/search/vocabulary-order";

type ColumnSort = Exclude<SortKey, "relevance" | VocabularySort>;

/**
 * What each sort on Claim's own columns orders by, before the tie-breaking id. Each is an
 * index walk that stops after the page: claim text through "Claim_text_caseless_idx", an
 * index on this same caseless() expression (docs/decisions/057). Topic and status order
 * by the vocabulary (lib/claims/search/vocabulary-order.ts, decision 058). Each index also
 * holds the columns of the claim-level filters (decision 074).
 */
const SORT_VALUES: Record<ColumnSort, Sql> = {
  updated: sql`c."updatedAt"`,
  claim: caseless(sql`c."text"`),
  sources: sql`c."sourceCount"`,
  published: sql`c."firstPublishedAt"`,
};

/**
 * `value` in `direction`. `reversed`: the exact reverse of the order (the sort read from
 * its far end), which for a column with NULLs also moves them to the other end.
 */
function sortTerm(sortKey: ColumnSort, value: Sql, direction: Sql, reversed: boolean): Sql {
  // Claims with no dated source sort last in either direction. Written NULLS LAST rather
  // than `IS NULL, …` so the index on firstPublishedAt gives the order (0.1 vs 76 ms for
  // page 1 at 100k claims, descending).
  if (sortKey === "published") return sql`${value} ${direction} ${raw(reversed ? "NULLS FIRST" : "NULLS LAST")}`;
  return sql`${value} ${direction}`;
}

/** A page of the claims matching `query`, in its order: their ids, and how many match in all. */
export async function pageOfMatches(query: ClaimQuery, vocabulary: Vocabulary, db: SqlReader = sharedReader): Promise<{ ids: number[]; total: number }> {
  const offset = (query.page - 1) * query.pageSize;
  const keep = keptBy(db);
  const read = async (limit: number, skip: number, reversed: boolean, broad: BroadFilters, share?: number) => {
    // The claims a walk passes to the page's end, against the matches collecting reads and sorts.
    const walkCostsLess = share !== undefined && (skip + limit) / share <= WALK_PER_COLLECTED_MATCH * share * (await claimsInDatabase(db));
    const wholeWalk = walkCostsLess ? indexWalk(query, vocabulary, broad, reversed, keep) : null;
    if (wholeWalk) return (await db.all<{ id: number }>(sql`${wholeWalk} LIMIT ${limit} OFFSET ${skip}`)).map((row) => row.id);
    const walk = boundedWalk(query, vocabulary, broad, reversed, skip + limit, share, keep);
    if (walk) {
      const ids = (await db.all<{ id: number }>(sql`${walk.statement} LIMIT ${limit} OFFSET ${skip}`)).map((row) => row.id);
      if (ids.length === limit || (await claimsInDatabase(db)) <= walk.rows) return ids;
    }
    return (await db.all<{ id: number }>(sql`${orderedMatches(query, vocabulary, broad, skip + limit, reversed, keep)} LIMIT ${limit} OFFSET ${skip}`)).map((row) => row.id);
  };
  const firstBroad = await broadFilters(query, vocabulary, db);
  const ranked = Boolean(query.q) && query.sort === "relevance";
  if (ranked && offset + query.pageSize <= RANKED_IDS_KEPT) {
    const kept = keptUntilChanged(db);
    const [first, total] = await Promise.all([rankedIdsKept(query, vocabulary, firstBroad, kept), countMatchingClaims(query, vocabulary, kept, firstBroad)]);
    return { ids: first.slice(offset, offset + query.pageSize), total };
  }
  if (offset === 0) {
    const counted = matchesInOrder(query, vocabulary, firstBroad, query.pageSize, false, true, keep);
    if (counted.withTotal) {
      // The order sorts every match anyway (a narrow filter's claims collected, then sorted):
      // a window count in the same statement costs a few percent of it, where the total
      // counted apart collected them all again (actor=5367&stance=denies at a million
      // claims: 46.5 + 33 ms → 50). No row: nothing matches.
      const rows = await db.all<{ id: number; total: number }>(sql`${counted.statement} LIMIT ${query.pageSize}`);
      return { ids: rows.map((row) => row.id), total: Number(rows[0]?.total ?? 0) };
    }
    const [ids, total] = await Promise.all([read(query.pageSize, 0, false, firstBroad), countMatchingClaims(query, vocabulary, db, firstBroad)]);
    return { ids, total };
  }
  // A page past the middle is read from the far end of the order, and turned round: OFFSET
  // reads and drops every row before the page, so the last page of 80,000 matches read
  // 79,950 rows it did not show (93–177 ms at 100k claims), where from the far end it reads
  // its own 50. The count comes first to say where the middle is. Without a transaction the
  // two statements may see different moments of the database: a write between them shifts
  // such a page by the rows it added or removed, as it shifts the next page a reader asks
  // for in any case.
  const total = await countMatchingClaims(query, vocabulary, db, firstBroad);
  const end = Math.min(total, offset + query.pageSize);
  if (end <= offset) return { ids: [], total };
  const fromFarEnd = total - end;
  // With the total known, how far a walk in the sort's order goes decides which filters are
  // walked and which collected (broadFilters). Ranking reads every match whatever the page,
  // so the first page's decisions stand.
  const broad = ranked ? firstBroad : await broadFilters(query, vocabulary, db, (Math.min(offset, fromFarEnd) + query.pageSize) / total, firstBroad, total);
  const share = total / Math.max(1, await claimsInDatabase(db));
  const ids = fromFarEnd < offset ? (await read(end - offset, fromFarEnd, true, broad, share)).reverse() : await read(query.pageSize, offset, false, broad, share);
  return { ids, total };
}

/**
 * A relevance-ranked search keeps its first ids until the database changes: 20 pages of 50.
 * Ranking scores every match whatever the page (bm25 over the 80,000 claims of the most
 * frequent word at 100k claims: 35 ms for any of its pages), and a reader pages through a
 * search, or comes back to it, far more often than anyone writes; its total is kept with
 * them. Past these, each page is ranked again (pageOfMatches). Exact: kept only until the
 * next write, as the whole-database counts are (SqlReader.allUntilChanged). Ranking for
 * 1,000 rather than 50 costs a few percent more, since the sort keeps only the best 1,000 as
 * it goes (33.7–36.1 against 32.5–32.9 ms for that word), and a reader's kept results stay
 * small (decision 072).
 */
export const RANKED_IDS_KEPT = 1_000;

async function rankedIdsKept(query: ClaimQuery, vocabulary: Vocabulary, broad: BroadFilters, db: SqlReader): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`${orderedMatches(query, vocabulary, broad)} LIMIT ${RANKED_IDS_KEPT}`);
  return rows.map((row) => row.id);
}

/** `db` with every statement's rows kept until the database changes: a ranked search's first ids and its total, which its every page asks for again. */
function keptUntilChanged(db: SqlReader): SqlReader {
  return {
    all: <Row>(query: Sql) => db.allUntilChanged<Row>(query),
    one: async <Row>(query: Sql) => (await db.allUntilChanged<Row>(query))[0],
    allUntilChanged: <Row>(query: Sql) => db.allUntilChanged<Row>(query),
  };
}

/**
 * `SELECT c."id" FROM "Claim" c ... ORDER BY ...` for the whole filtered, sorted set; the
 * exports stream from it, the page adds LIMIT/OFFSET. `pageEnd`, the page's offset + size,
 * lets a sort by topic or status stop reading each entry's claims there. `reversed`: the
 * exact reverse of that order, ties included. `keep`: the reader's kept sets of ids, for
 * its own statements (keptBy).
 */
export function orderedMatches(query: ClaimQuery, vocabulary: Vocabulary, broad?: BroadFilters, pageEnd?: number, reversed = false, keep?: KeepIds): Sql {
  return matchesInOrder(query, vocabulary, broad, pageEnd, reversed, false, keep).statement;
}

/** A reader's sets of ids kept until the database changes (SqlReader.keptIds). */
type KeepIds = (ids: Sql) => Sql;

/** The sets `db` keeps, where it keeps any: a broad search's matches read from them (filterConditions). */
function keptBy(db: SqlReader): KeepIds | undefined {
  return db.keptIds ? (ids) => db.keptIds!(ids) : undefined;
}

/**
 * orderedMatches, and with `total` where the statement sorts every match in any case (a
 * narrow filter's claims collected, then sorted): each row then also holds `"total"`, the
 * number of matches, as a window count (`withTotal`). Never where the order stops early
 * (an index walk, the claims of each topic or status in turn): counting there would read
 * every match.
 */
function matchesInOrder(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  broad: BroadFilters | undefined,
  pageEnd: number | undefined,
  reversed: boolean,
  total: boolean,
  keep?: KeepIds,
): { statement: Sql; withTotal: boolean } {
  const withoutTotal = (statement: Sql) => ({ statement, withTotal: false });
  const direction = raw(query.desc !== reversed ? "DESC" : "ASC");
  const ranked = query.q && query.sort === "relevance" ? rankedFullTextMatches(query.q) : null;
  // Ranking reads every match, so nothing stops early: a broad actor's EXISTS would probe
  // twice per match, where its IN lists are collected once (a word with 25,000 matches at
  // 100k claims: 55 ms against 10 for the page).
  const written = filterConditions(query, vocabulary, ranked && broad ? new Set([...broad].filter((filter) => filter !== "actor")) : broad, keep);
  // Where claim rows are read only for the ids a narrow filter collects (or, below, a
  // search finds), a broad stance is probed by id before them (onIdsUnlessRowsRead); a walk
  // checks it on its index.
  const conditions = !ranked && written.some((condition) => condition.collectsClaimIds) ? onIdsUnlessRowsRead(written) : written;
  if (ranked) {
    // The matches are ranked and, first, filtered from the search index alone, which holds
    // one document per existing claim (kept by triggers), by the filters that look only at
    // the claim's id (attributions, sources, actors); only the claims left are read, and
    // only when a filter on the claim's own columns remains. Joining every match to its
    // claim row first cost most of the time at a million claims, where those rows no longer
    // stay in memory (a common word with a stance: 0.6 s, 0.14 s without).
    const others = onIdsUnlessRowsRead(conditions.filter((condition) => condition.facet !== "search").map((condition) => asIndexIds(condition, broad)));
    const onColumns = others.filter((condition) => condition.readsClaimColumns);
    // withoutIndex: a filter's `c."id" IN (…)` must not reach FTS5 as a rowid constraint.
    // SQLite then runs the MATCH again for each id of the list (60 µs each at 100k claims:
    // a word with a date range of 2,881 claims took 176 ms, a common word with an actor's
    // 346 claims 356 ms); as a filter on the matches, 4 and 11 ms, bm25 computed only for
    // the matches that pass.
    const matches = sql`SELECT c."id", c."rank" FROM (SELECT ${withoutIndex(sql`r."claimId"`)} AS "id", r."rank" FROM (${ranked}) r) c
      WHERE ${whereClause(others.filter((condition) => !condition.readsClaimColumns))}`;
    if (onColumns.length === 0) return withoutTotal(sql`SELECT m."id" FROM (${matches}) m ORDER BY m."rank" ${direction}, m."id" ${direction}`);
    return withoutTotal(claimRowsOf(matches, onColumns, sql`ORDER BY m."rank" ${direction}, c."id" ${direction}`));
  }
  const sortKey = query.sort === "relevance" ? "updated" : query.sort;
  const collecting = conditions.filter((condition) => condition.collectsClaimIds);
  const checkedById = conditions.filter((condition) => !condition.collectsClaimIds && !condition.readsClaimColumns);
  // Where a narrow filter's claims are collected, the filters checked by id (a broad
  // actor's or stance's EXISTS) are checked on the ids before the claim rows are read,
  // unless a filter on the claim's own columns needs those rows anyway (columnsBeforeProbes).
  const readsRows = conditions.some((condition) => condition.readsClaimColumns);
  const [idsFirst, rowsFirst] = readsRows ? [[], columnsBeforeProbes(conditions.filter((condition) => !condition.collectsClaimIds))] : [checkedById, []];
  if (sortKey === "topic" || sortKey === "status") {
    // Walking each topic's or status's claims stops after the page when many claims match;
    // when a narrow filter (an actor, a source, a stance or a date range collected as ids)
    // leaves few, the walk reads every claim of the entries before the page to find them:
    // 226 ms for 2,477 claims of three actors at a million claims, sorted by status. Those
    // few are sorted instead. Not with a search, whose ids may be most of the claims.
    if (collecting.length === 0 || collecting.some((condition) => condition.facet === "search")) {
      return withoutTotal(claimsInVocabularyOrder(sortKey, whereClause(columnsBeforeProbes(conditions)), direction, pageEnd));
    }
    const { join, order } = vocabularyOrder(sortKey, direction);
    const matches = sql`SELECT c."id" ${idsMeeting(claimIdsOfAll(collecting), idsFirst)}`;
    return { statement: claimRowsOf(matches, rowsFirst, order, join, total), withTotal: total };
  }
  const order = claimOrder(sortKey, direction, reversed);
  if (collecting.length > 0 && (checkedById.length > 0 || collecting.length > 1)) {
    // The database collects the claims of a narrow filter and reads each one's row before it
    // checks the other filters; at a million claims, where those rows are not in memory, an
    // actor's 37,000 attributions with a stance that leaves 7,572 claims took 133 ms. So the
    // filters that need only the id (the other lists, a broad filter's EXISTS) are applied
    // to the ids first, and rows are read for the claims left (docs/performance.md); unless
    // a filter on the claim's columns reads them anyway (above).
    const matches = sql`SELECT c."id" ${idsMeeting(claimIdsOfAll(collecting), idsFirst)}`;
    return { statement: claimRowsOf(matches, rowsFirst, order, raw(""), total), withTotal: total };
  }
  return withoutTotal(sql`SELECT c."id" FROM "Claim" c WHERE ${whereClause(columnsBeforeProbes(conditions))} ${order}`);
}

/** `ORDER BY` the sort's value (`value`: where a statement has it under another name), then the id. */
function claimOrder(sortKey: ColumnSort, direction: Sql, reversed: boolean, value = SORT_VALUES[sortKey]): Sql {
  return sql`ORDER BY ${sortTerm(sortKey, value, direction, reversed)}, c."id" ${direction}`;
}

/**
 * A bounded walk reads 20 claims per row of the page and the rows before it (so it finds
 * them under a filter keeping 1 claim in 20 that the order does not gather elsewhere), at
 * least 2,000. For a later page, whose total is known, it reads twice what the filter's
 * share of the claims says the page needs, when that is less: page 900 of
 * `contested=false` (82% of the claims at 100k) reaches its page after some 45,000 from
 * the far end, and the walk reads 90,000. It is not tried past 200,000: the
 * walk reads the sort's index alone (decision 074), 0.12–0.16 µs a claim at 100k (200,000
 * read in some 30 ms), lost when the page is then read the usual way.
 */
const WALK_ROWS_PER_PAGE_ROW = 20;
const WALK_ROWS_PER_NEEDED_ROW = 2;
const WALK_MIN_ROWS = 2_000;
const WALK_MAX_ROWS = 200_000;

/**
 * The page's claims read by walking the sort's index for a bounded number of claims and
 * checking the filters on each, or null where that does not apply. SQLite plans a filter on
 * the claim's own columns (a status, a topic, contested, a broad date range) from that
 * filter's index and sorts every claim it selects, however many: at a million claims,
 * `contested=false&sort=-claim` sorted 818,000 claims for its first page (0.41 s), where
 * the text index walked 61. Walking is not always better: when the filter's claims sit at
 * the far end of the order (a topic whose texts share their first word), a walk reads most
 * of the table (0.48 s, against 37 ms from the topic's index). So the walk is bounded
 * (`rows`), and when it does not fill the page the caller reads it the usual way.
 * PostgreSQL's planner weighs the LIMIT itself. Only the sorts on a claim column other
 * than the last update (whose filter indexes end with updatedAt and give that order).
 * `share`: the share of all claims that match, when the total is known.
 */
export function boundedWalk(
  query: ClaimQuery,
  vocabulary: Vocabulary,
  broad: BroadFilters,
  reversed: boolean,
  pageEnd: number,
  share?: number,
  keep?: KeepIds,
): { statement: Sql; rows: number } | null {
  if (dialect !== "sqlite" || query.sort === "relevance" || query.sort === "updated" || query.sort === "topic" || query.sort === "status") return null;
  const conditions = filterConditions(query, vocabulary, broad, keep);
  if (!conditions.some((condition) => condition.readsClaimColumns) || conditions.some((condition) => condition.collectsClaimIds || condition.facet === "changed")) return null;
  const rows = Math.max(WALK_MIN_ROWS, Math.min(WALK_ROWS_PER_PAGE_ROW * pageEnd, share ? Math.ceil((WALK_ROWS_PER_NEEDED_ROW * pageEnd) / share) : Infinity));
  if (rows > WALK_MAX_ROWS) return null;
  const direction = raw(query.desc !== reversed ? "DESC" : "ASC");
  // Only the columns the sort's index holds (WALKED_COLUMNS), so that the walk reads no
  // claim row; `SELECT c.*` read each one (20,000 claims at 100k: 28 against 8 ms).
  const walked = sql`SELECT ${WALKED_COLUMNS}, ${SORT_VALUES[query.sort]} AS "sortValue" FROM "Claim" c ${claimOrder(query.sort, direction, reversed)} LIMIT ${rows}`;
  return { statement: sql`SELECT c."id" FROM (${walked}) c WHERE ${whereClause(columnsBeforeProbes(conditions))} ${claimOrder(query.sort, direction, reversed, sql`c."sortValue"`)}`, rows };
}

/**
 * A later page is read by walking the sort's index to it, however far (indexWalk), when
 * the claims the walk passes are at most this many times the matches collecting would read
 * and sort. With the filter columns in the index, a claim passed costs 0.2–0.4 µs; a match
 * collected costs a row read and a place in a sort, 1–3 µs at a million claims (decision
 * 074): the middle page of one topic's 125,000 claims sorted by text, 361 ms through
 * /api/claims collected, 46 walked. From a filter keeping an eighth of the claims up, every
 * page is walked, since none is more than halfway from an end.
 */
const WALK_PER_COLLECTED_MATCH = 4;

/** The index each sort on a claim column walks (migrations 20261202000000_covering_sort_indexes, 20261202100000_claim_stances). */
const SORT_INDEXES: Record<ColumnSort, string> = {
  updated: "Claim_updatedAt_idx",
  claim: "Claim_text_caseless_idx",
  sources: "Claim_sourceCount_idx",
  published: "Claim_firstPublishedAt_idx",
};

/**
 * The matches of `query` in its order, read by walking its sort's index (named: SQLite's
 * `INDEXED BY`) and checking every filter on each claim, or null where that does not apply
 * (PostgreSQL, whose planner weighs the OFFSET itself; a relevance ranking; the sorts by
 * topic and status, which walk each entry in turn; a narrow filter, whose claims are
 * collected). Left to itself, SQLite 3.53 plans a broad filter on the claim's own columns
 * from that filter's index and sorts every claim it selects: at a million claims, page
 * 8,185 of `contested=false&sort=claim` took 6 s that way and 93 ms walked.
 */
export function indexWalk(query: ClaimQuery, vocabulary: Vocabulary, broad: BroadFilters, reversed: boolean, keep?: KeepIds): Sql | null {
  if (dialect !== "sqlite" || (query.sort === "relevance" && query.q) || query.sort === "topic" || query.sort === "status") return null;
  const conditions = filterConditions(query, vocabulary, broad, keep);
  if (conditions.some((condition) => condition.collectsClaimIds)) return null;
  const sortKey = query.sort === "relevance" ? "updated" : query.sort;
  const order = claimOrder(sortKey, raw(query.desc !== reversed ? "DESC" : "ASC"), reversed);
  return sql`SELECT c."id" FROM "Claim" c INDEXED BY ${raw(`"${SORT_INDEXES[sortKey]}"`)} WHERE ${whereClause(columnsBeforeProbes(conditions))} ${order}`;
}

/**
 * The claim columns every sort index holds after its key (decisions 074 and 075, the
 * migrations 20261202000000_covering_sort_indexes and 20261202100000_claim_stances): all
 * that the filters on the claim's own columns read, but for the last update ("changed"),
 * which no walk is tried for.
 */
const WALKED_COLUMNS = raw(`c."id", c."statusId", c."topicId", c."contested", c."firstPublishedAt", c."lastPublishedAt", c."stances"`);

/**
 * The claims of `matches` (a statement naming `"id"`) that meet `conditions` (on their own
 * columns, and any checked by id after those), in `order` (which may name `m` and `c`, and `v` when `join` joins it): the matches as a table of their own, so
 * that the planner can neither read the claims first nor, for a search, move FTS5's MATCH
 * to where SQLite cannot answer it. `total`: each row also holds how many rows there are,
 * as `"total"`.
 */
function claimRowsOf(matches: Sql, conditions: readonly Condition[], order: Sql, join: Sql = raw(""), total = false): Sql {
  return sql`WITH m AS MATERIALIZED (${matches})
      SELECT c."id"${raw(total ? `, count(*) OVER () AS "total"` : "")} FROM m JOIN "Claim" c ON c."id" = m."id" ${join} WHERE ${whereClause(conditions)} ${order}`;
}

/**
 * `conditions` with those on the claim's own columns first, for a statement that reads the
 * claim rows in any case: a filter checked by id (an `EXISTS` on the attributions) is one
 * because it is broad and keeps most claims, and each probe costs more than a claim row
 * (two actors' 15,104 claims at a million: 41 ms of probes against 24 of rows), so it
 * probes only what the others leave. `contested=true&actor=…&actor=…&stance=reports&stance=asserts`
 * at a million claims: 79 → 27 ms in process (decision 061, "Later: the claim's own columns
 * before a broad filter's probes"). So too in a walk, whose index holds those columns and
 * whose probes include a broad search's kept matches (SQLite checks the terms in the order
 * written): a walk to the middle page of `q=that&status=false&sort=claim` at a million
 * claims, timed alone, took 155–168 ms with the status first and 550–1,020 with the kept
 * matches probed first.
 */
function columnsBeforeProbes(conditions: readonly Condition[]): Condition[] {
  return [...conditions.filter((condition) => condition.readsClaimColumns), ...conditions.filter((condition) => !condition.readsClaimColumns)];
}

/** `FROM … c WHERE …`: each claim id of `ids` once, as `c."id"`, that meets `conditions`, which look at the id alone. */
function idsMeeting(ids: Sql, conditions: readonly Condition[]): Sql {
  return sql`FROM (SELECT DISTINCT "claimId" AS "id" FROM (${ids}) AS "matches") c WHERE ${whereClause(conditions)}`;
}

/** The claim ids every one of these conditions collects: their `claimIds` intersected (each id once when there are several; a single set may name a claim once per attribution). */
function claimIdsOfAll(conditions: readonly Condition[]): Sql {
  const sets = conditions.map((condition) => condition.claimIds!);
  return sets.length === 1 ? sets[0]! : join(sets.map((set, i) => sql`SELECT "claimId" FROM (${set}) AS ${raw(`"set${i}"`)}`), " INTERSECT ");
}

/** `broad`: the query's broad filters for its first page, when the caller has them already. */
export async function countMatchingClaims(query: ClaimQuery, vocabulary: Vocabulary, db: SqlReader = sharedReader, broad?: BroadFilters): Promise<number> {
  broad ??= await broadFilters(query, vocabulary, db);
  const written = filterConditions(query, vocabulary, broad, keptBy(db));
  const conditions = query.q ? written.map((condition) => asIndexIds(condition, broad)) : written;
  const single = await singleFilterTotal(query, vocabulary, conditions, db);
  if (single !== null) return single;
  const count = countStatement(conditions);
  // The unfiltered total changes only with the database; so does a total counted from a
  // search's kept matches, which every page of that search asks for again (decision 076).
  const kept = conditions.length === 0 || conditions.some((condition) => condition.readsKeptIds);
  const rows = kept ? await db.allUntilChanged<{ n: number }>(count) : [await db.one<{ n: number }>(count)];
  return rows[0]?.n ?? 0;
}

/**
 * `SELECT count(*) AS "n" …` of the claims meeting every condition. The filters on
 * attributions and the search index are counted as the intersection of their claim ids,
 * read from their indexes, and the Claim table is read only for the claims in it, and only
 * when a filter on the claim's own columns remains (a broad filter's `EXISTS` looks at the
 * id alone). Counting claims through `c."id" IN (…)` instead reads a claim row for each
 * id: at a million claims, whose rows do not stay in memory, 0.4–0.7 s for an actor's
 * 72,000 claims or a common word's 800,000, against 30–100 ms from the ids alone
 * (docs/decisions/061).
 */
function countStatement(conditions: readonly Condition[]): Sql {
  const withIds = conditions.filter((condition) => condition.claimIds);
  if (withIds.length === 0) return sql`SELECT count(*) AS "n" FROM "Claim" c WHERE ${whereClause(conditions)}`;
  const ids = claimIdsOfAll(withIds);
  const rest = onIdsUnlessRowsRead(conditions.filter((condition) => !condition.claimIds));
  // INTERSECT names each id once; so does a single list that claimIdsOnce says is unique.
  const once = withIds.length > 1 || withIds[0]!.claimIdsOnce;
  if (rest.length === 0) return once ? sql`SELECT count(*) AS "n" FROM (${ids}) AS "matches"` : sql`SELECT count(DISTINCT "claimId") AS "n" FROM (${ids}) AS "matches"`;
  if (rest.some((condition) => condition.readsClaimColumns)) return sql`SELECT count(*) AS "n" FROM "Claim" c WHERE c."id" IN (${ids}) AND ${whereClause(columnsBeforeProbes(rest))}`;
  // The rest look only at the claim's id (a broad filter's correlated EXISTS): checked on the ids themselves.
  return sql`SELECT count(*) AS "n" ${idsMeeting(ids, rest)}`;
}

/**
 * The total of a query with one filter that a count over the whole database answers, kept
 * until the database changes: statuses, topics or contested (a claim has one of each, so
 * the counts of the values add up), stances, or a broad date range. Null for any other query. The counts of
 * statuses, topics and contested are the same statements as the facets over all claims, so
 * one cached result serves both.
 */
async function singleFilterTotal(query: ClaimQuery, vocabulary: Vocabulary, conditions: readonly Condition[], db: SqlReader): Promise<number | null> {
  if (conditions.length !== 1) return null;
  const facet = conditions[0]!.facet;
  const sum = (rows: { n: number }[]) => rows.reduce((total, row) => total + row.n, 0);
  if (facet === "status" || facet === "topic") {
    const rows = await db.allUntilChanged<{ id: number; n: number }>(claimsPerEntry(facet));
    const chosen = facet === "status" ? vocabulary.statuses.filter((s) => query.status.includes(s.key)) : vocabulary.topics.filter((t) => query.topic.includes(t.key));
    const ids = new Set(chosen.map((entry) => entry.id));
    return sum(rows.filter((row) => ids.has(row.id)));
  }
  if (facet === "contested") {
    const rows = await db.allUntilChanged<{ contested: boolean | number; n: number }>(claimsPerContested());
    return sum(rows.filter((row) => toBoolean(row.contested) === query.contested));
  }
  if (facet === "date" && conditions[0]!.readsClaimColumns) {
    // A broad range, decided on the claim's own dates: the dated claims less those it leaves out.
    const [dated] = await db.allUntilChanged<{ n: number }>(DATED_CLAIMS);
    const outside = await db.one<{ n: number }>(datedClaimsOutsideRange(query));
    return (dated?.n ?? 0) - Number(outside?.n ?? 0);
  }
  if (facet === "stance") {
    // Kept until the database changes like the rest. Several stances' counts do not add up:
    // a claim may hold more than one. One stance is counted from the stance index alone,
    // where each claim's attributions of it lie together (1–7 ms at 100k claims; at a
    // million, 12 ms for declines to clarify's 185,000 claims, 68 for reports' 697,000).
    // Several are counted on the claims' stance bits (decision 075), in an index that holds
    // them: their claims' ids from the stance index need a temporary B-tree to be counted
    // once (asserts or reports at a million: 334 ms, against 69 on the bits).
    const stances = [...new Set(query.stance)].sort();
    const [row] = await db.allUntilChanged<{ n: number }>(
      stances.length === 1
        ? sql`SELECT count(*) AS "n" FROM (SELECT DISTINCT "claimId" FROM "Attribution" WHERE "stance" = ${stances[0]}) AS "claims"`
        : sql`SELECT count(*) AS "n" FROM "Claim" c WHERE ${holdsAnyStance(stanceMask(stances))}`,
    );
    return Number(row?.n ?? 0);
  }
  return null;
}
