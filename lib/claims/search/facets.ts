import "server-only";
import { list, sql } from "@/lib/db/sql";
import { queryAll } from "@/lib/db/sqlite";
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
 * in its facet. One grouped query per facet.
 */
export function countFacets(query: ClaimQuery, vocabulary: Vocabulary): Facets {
  const conditions = filterConditions(query, vocabulary);
  const where = (facet: FacetName) => whereClause(conditions, facet);

  const statusCounts = countMap(queryAll<{ id: number; n: number }>(sql`
    SELECT c.statusId AS id, count(*) AS n FROM Claim c WHERE ${where("status")} GROUP BY c.statusId`));
  const topicCounts = countMap(queryAll<{ id: number; n: number }>(sql`
    SELECT c.topicId AS id, count(*) AS n FROM Claim c WHERE ${where("topic")} GROUP BY c.topicId`));
  const contestedCounts = countMap(queryAll<{ id: number; n: number }>(sql`
    SELECT c.contested AS id, count(*) AS n FROM Claim c WHERE ${where("contested")} GROUP BY c.contested`));
  const stanceCounts = new Map(
    queryAll<{ stance: string; n: number }>(sql`
      SELECT a.stance, count(DISTINCT a.claimId) AS n FROM Attribution a JOIN Claim c ON c.id = a.claimId
      WHERE ${where("stance")} GROUP BY a.stance`).map((row) => [row.stance, row.n]),
  );

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
    source: sourceFacet(query, where("source")),
    actor: actorFacet(query, where("actor")),
  };
}

function sourceFacet(query: ClaimQuery, where: ReturnType<typeof whereClause>): FacetOption[] {
  const top = queryAll<{ id: number; n: number }>(sql`
    SELECT a.sourceId AS id, count(DISTINCT a.claimId) AS n FROM Attribution a JOIN Claim c ON c.id = a.claimId
    WHERE ${where} GROUP BY a.sourceId ORDER BY n DESC, a.sourceId LIMIT ${TOP_OPTIONS}`);
  const counts = withSelected(top, query.source, (ids) =>
    queryAll<{ id: number; n: number }>(sql`
      SELECT a.sourceId AS id, count(DISTINCT a.claimId) AS n FROM Attribution a JOIN Claim c ON c.id = a.claimId
      WHERE ${where} AND a.sourceId IN ${list(ids)} GROUP BY a.sourceId`),
  );
  const labels = labelMap(
    counts.map((row) => row.id),
    (ids) => queryAll<{ id: number; label: string }>(sql`SELECT id, title || ' (' || outlet || ')' AS label FROM Source WHERE id IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `source ${row.id}`, count: row.n, selected: query.source.includes(row.id) }));
}

function actorFacet(query: ClaimQuery, where: ReturnType<typeof whereClause>): FacetOption[] {
  // An actor counts for a claim whether they made, denied or relayed it.
  const involvement = sql`(SELECT actorId, claimId FROM Attribution UNION ALL
    SELECT v.actorId, a.claimId FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId)`;
  const top = queryAll<{ id: number; n: number }>(sql`
    SELECT x.actorId AS id, count(DISTINCT x.claimId) AS n FROM ${involvement} x JOIN Claim c ON c.id = x.claimId
    WHERE ${where} GROUP BY x.actorId ORDER BY n DESC, x.actorId LIMIT ${TOP_OPTIONS}`);
  const counts = withSelected(top, query.actor, (ids) =>
    queryAll<{ id: number; n: number }>(sql`
      SELECT x.actorId AS id, count(DISTINCT x.claimId) AS n FROM ${involvement} x JOIN Claim c ON c.id = x.claimId
      WHERE ${where} AND x.actorId IN ${list(ids)} GROUP BY x.actorId`),
  );
  const labels = labelMap(
    counts.map((row) => row.id),
    (ids) => queryAll<{ id: number; label: string }>(sql`SELECT id, name AS label FROM Actor WHERE id IN ${list(ids)}`),
  );
  return counts.map((row) => ({ value: String(row.id), label: labels.get(row.id) ?? `actor ${row.id}`, count: row.n, selected: query.actor.includes(row.id) }));
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
