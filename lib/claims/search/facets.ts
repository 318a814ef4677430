import "server-only";
import { list, raw, sql, type Sql } from "@/lib/db/sql";
import { queryAll, queryAllUntilChanged } from "@/lib/db/sqlite";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { filterConditions, whereClause, type FacetName } from "@/lib/claims/search/filter-sql";
import { STANCES, STANCE_LABELS } from "@/lib/vocabulary/terms";
import type { Vocabulary } from "@/lib/vocabulary/queries";

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type Facets = Record<FacetName, FacetOption[]>;

/** How many options the source and actor facets list (the most frequent, plus any selected). */
const TOP_OPTIONS = 15;

/**
 * Counts for every facet option under all the other active filters (as Datasette does):
 * each count says how many claims that option would leave if it were the only one chosen
 * in its facet. A fixed number of queries whatever the number of options.
 */
export function countFacets(query: ClaimQuery, vocabulary: Vocabulary): Facets {
  const conditions = filterConditions(query, vocabulary);
  const where = (facet: FacetName) => whereClause(conditions, facet);
  // A facet whose count no other filter restricts counts over all claims: it can read the
  // attribution indexes alone, without joining every claim.
  const unrestricted = (facet: FacetName) => conditions.every((condition) => condition.facet === facet);
  // Counts over all claims are the same for every request until the database changes.
  const count = <Row,>(facet: FacetName, query: Sql) => (unrestricted(facet) ? queryAllUntilChanged<Row>(query) : queryAll<Row>(query));

  const statusCounts = countMap(count<{ id: number; n: number }>("status", sql`
    SELECT c.statusId AS id, count(*) AS n FROM Claim c WHERE ${where("status")} GROUP BY c.statusId`));
  const topicCounts = countMap(count<{ id: number; n: number }>("topic", sql`
    SELECT c.topicId AS id, count(*) AS n FROM Claim c WHERE ${where("topic")} GROUP BY c.topicId`));
  const contestedCounts = countMap(count<{ id: number; n: number }>("contested", sql`
    SELECT c.contested AS id, count(*) AS n FROM Claim c WHERE ${where("contested")} GROUP BY c.contested`));
  // Stance, source and actor count claims through their attributions. Under a filter the
  // matching claims' attributions are read once and counted here (every facet whose own
  // filter is inactive shares the same rows); over all claims the counts come from grouped
  // queries on the attribution indexes, kept until the database changes.
  const involvement = memoised((where: Sql) => involvementCounts(where));
  const stanceCounts = unrestricted("stance")
    ? new Map(
        queryAllUntilChanged<{ stance: string; n: number }>(sql`SELECT stance, count(DISTINCT claimId) AS n FROM Attribution GROUP BY stance`).map((row) => [
          row.stance,
          row.n,
        ]),
      )
    : involvement(where("stance")).stance;

  return {
    status: vocabulary.statuses
      .map((s) => ({ value: s.key, label: s.label, count: statusCounts.get(s.id) ?? 0, selected: query.status.includes(s.key) }))
      .filter((option) => option.count > 0 || option.selected),
    topic: vocabulary.topics
      .map((t) => ({ value: t.key, label: t.label, count: topicCounts.get(t.id) ?? 0, selected: query.topic.includes(t.key) }))
      .filter((option) => option.count > 0 || option.selected),
    stance: STANCES.map((stance) => ({
      value: stance,
      label: STANCE_LABELS[stance],
      count: stanceCounts.get(stance) ?? 0,
      selected: query.stance.includes(stance),
    })).filter((option) => option.count > 0 || option.selected),
    contested: [
      { value: "true", label: "contested", count: contestedCounts.get(1) ?? 0, selected: query.contested === true },
      { value: "false", label: "not contested", count: contestedCounts.get(0) ?? 0, selected: query.contested === false },
    ],
    source: sourceFacet(query, unrestricted("source") ? null : involvement(where("source")).source),
    actor: actorFacet(query, unrestricted("actor") ? null : involvement(where("actor")).actor),
  };
}

type Involvement = { stance: Map<string, number>; source: Map<number, number>; actor: Map<number, number> };

/**
 * Claims per stance, per source and per actor among the claims `where` selects, an actor
 * counting once per claim whether they made, denied or relayed it. Two queries (the
 * claims' attributions, and their via-chains) whatever the number of options.
 */
function involvementCounts(where: Sql): Involvement {
  const own = queryAll<{ claimId: number; stance: string; sourceId: number; actorId: number }>(sql`
    SELECT a.claimId, a.stance, a.sourceId, a.actorId FROM Claim c JOIN Attribution a ON a.claimId = c.id WHERE ${where}`);
  const relayed = queryAll<{ claimId: number; actorId: number }>(sql`
    SELECT a.claimId, v.actorId FROM Claim c JOIN Attribution a ON a.claimId = c.id JOIN AttributionVia v ON v.attributionId = a.id
    WHERE ${where}`);
  const stance = new DistinctCounter<string>();
  const source = new DistinctCounter<number>();
  const actor = new DistinctCounter<number>();
  for (const row of own) {
    stance.add(row.stance, row.claimId);
    source.add(row.sourceId, row.claimId);
    actor.add(row.actorId, row.claimId);
  }
  for (const row of relayed) actor.add(row.actorId, row.claimId);
  return { stance: stance.counts(), source: source.counts(), actor: actor.counts() };
}

/** How many distinct claims each key was seen with. */
class DistinctCounter<Key> {
  private readonly claims = new Map<Key, Set<number>>();

  add(key: Key, claimId: number): void {
    const seen = this.claims.get(key);
    if (seen) seen.add(claimId);
    else this.claims.set(key, new Set([claimId]));
  }

  counts(): Map<Key, number> {
    return new Map([...this.claims].map(([key, claims]) => [key, claims.size]));
  }
}

/** The most frequent options (ties by id), then any selected one that is not among them. */
function topWithSelected(counts: Map<number, number>, selected: number[]): { id: number; n: number }[] {
  const top = [...counts]
    .sort(([idA, a], [idB, b]) => b - a || idA - idB)
    .slice(0, TOP_OPTIONS)
    .map(([id, n]) => ({ id, n }));
  return withSelected(top, selected, (ids) => ids.map((id) => ({ id, n: counts.get(id) ?? 0 })));
}

/** Computes once per distinct SQL (text and values) within one facet count. */
function memoised<T>(compute: (where: Sql) => T): (where: Sql) => T {
  const results = new Map<string, T>();
  return (where) => {
    const key = JSON.stringify([where.text, where.params]);
    if (!results.has(key)) results.set(key, compute(where));
    return results.get(key)!;
  };
}

/** Counts over all claims, from the attribution index alone, kept until the database changes. */
function sourceFacet(query: ClaimQuery, restricted: Map<number, number> | null): FacetOption[] {
  const counts = restricted
    ? topWithSelected(restricted, query.source)
    : withSelected(
        queryAllUntilChanged<{ id: number; n: number }>(sql`
          SELECT sourceId AS id, count(DISTINCT claimId) AS n FROM Attribution GROUP BY sourceId ORDER BY n DESC, sourceId LIMIT ${TOP_OPTIONS}`),
        query.source,
        (ids) => queryAll<{ id: number; n: number }>(sql`
          SELECT sourceId AS id, count(DISTINCT claimId) AS n FROM Attribution WHERE sourceId IN ${list(ids)} GROUP BY sourceId`),
      );
  const labels = labelMap(
    counts.map((row) => row.id),
    (ids) => queryAll<{ id: number; label: string }>(sql`SELECT id, title || ' (' || outlet || ')' AS label FROM Source WHERE id IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `source ${row.id}`, count: row.n, selected: query.source.includes(row.id) }));
}

function actorFacet(query: ClaimQuery, restricted: Map<number, number> | null): FacetOption[] {
  const counts = restricted
    ? topWithSelected(restricted, query.actor)
    : withSelected(
        queryAllUntilChanged<{ id: number; n: number }>(sql`${actorCounts(null)} ORDER BY n DESC, id LIMIT ${TOP_OPTIONS}`),
        query.actor,
        (ids) => queryAll<{ id: number; n: number }>(actorCounts(ids)),
      );
  const labels = labelMap(
    counts.map((row) => row.id),
    (ids) => queryAll<{ id: number; label: string }>(sql`SELECT id, name AS label FROM Actor WHERE id IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `actor ${row.id}`, count: row.n, selected: query.actor.includes(row.id) }));
}

/**
 * Claims per actor over all claims, an actor counting once per claim whether they made,
 * denied or relayed it: the claims of their own attributions plus the claims they only
 * relayed. Two grouped passes that read indexes only (docs/performance.md). `ids`: count
 * only these actors.
 */
function actorCounts(ids: number[] | null): Sql {
  const own = ids ? sql`WHERE a.actorId IN ${list(ids)}` : raw("");
  const relayed = ids ? sql`AND v.actorId IN ${list(ids)}` : raw("");
  return sql`
    SELECT actorId AS id, sum(n) AS n FROM (
      SELECT a.actorId, count(DISTINCT a.claimId) AS n FROM Attribution a ${own} GROUP BY a.actorId
      UNION ALL
      SELECT v.actorId, count(DISTINCT a.claimId) AS n FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId
      WHERE NOT EXISTS (SELECT 1 FROM Attribution d WHERE d.actorId = v.actorId AND d.claimId = a.claimId) ${relayed}
      GROUP BY v.actorId
    ) GROUP BY actorId`;
}

/** The top options plus any selected option that is not among them (with its own count, possibly 0). */
function withSelected(
  top: { id: number; n: number }[],
  selected: number[],
  countSelected: (ids: number[]) => { id: number; n: number }[],
): { id: number; n: number }[] {
  const missing = selected.filter((id) => !top.some((row) => row.id === id));
  if (missing.length === 0) return top;
  const found = countMap(countSelected(missing));
  return [...top, ...missing.map((id) => ({ id, n: found.get(id) ?? 0 }))];
}

function labelMap(ids: number[], load: (ids: number[]) => { id: number; label: string }[]): Map<number, string> {
  return ids.length === 0 ? new Map() : new Map(load(ids).map((row) => [row.id, row.label]));
}

function countMap(rows: { id: number; n: number }[]): Map<number, number> {
  return new Map(rows.map((row) => [row.id, row.n]));
}
