import type Database from "better-sqlite3";
import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { toFtsQuery } from "@/lib/claims/search/fts-query";

/**
 * The floor of a query of the set (bench/lib/query-set.ts), written the most direct way
 * someone who knows SQLite would write it by hand, independently of the app's SQL
 * builder, so that a bad plan in the app shows as a ratio (issue 14). Two parts:
 *
 * - rows: the page of ids (filter, order, LIMIT/OFFSET), the total, and the page's claims
 *   with their attributions, actors and sources (what a page of records shows);
 * - facets: one grouped count per facet under every other filter (distinct claims for the
 *   attribution facets; actors over attributions and via links together), the source and
 *   actor facets their 15 most frequent options.
 *
 * No result is kept between runs (the app keeps whole-database counts until a write).
 */
type Statement = { statement: Database.Statement; params: unknown[] };
type Cond = { facet: string; text: string; params: unknown[] };

export class DirectFloor {
  readonly rows: Statement[];
  private readonly records: [Database.Statement, Database.Statement];
  readonly facets: Statement[];

  constructor(
    private readonly db: Database.Database,
    query: ClaimQuery,
  ) {
    const conds = conditions(db, query);
    const where = (except?: string) => {
      const kept = conds.filter((c) => c.facet !== except);
      return { text: kept.length === 0 ? "1 = 1" : kept.map((c) => `(${c.text})`).join(" AND "), params: kept.flatMap((c) => c.params) };
    };
    const all = where();
    const dir = query.desc ? "DESC" : "ASC";
    const offset = (query.page - 1) * query.pageSize;
    const prepare = (text: string, params: unknown[]): Statement => ({ statement: db.prepare(text), params });
    if (query.q && query.sort === "relevance") {
      const fts = toFtsQuery(query.q) ?? "";
      const others = where("search");
      this.rows = [
        prepare(
          `SELECT c.id FROM claim_search JOIN Claim c ON c.id = claim_search.rowid WHERE claim_search MATCH ? AND ${others.text}
           ORDER BY bm25(claim_search, 10.0, 4.0, 2.0) ${dir}, c.id ${dir} LIMIT ? OFFSET ?`,
          [fts, ...others.params, query.pageSize, offset],
        ),
      ];
    } else {
      const order: Record<string, string> = {
        updated: `c.updatedAt ${dir}`,
        claim: `lower(c.text) ${dir}`,
        topic: `lower(t.label) ${dir}`,
        status: `st.sortOrder ${dir}`,
        sources: `c.sourceCount ${dir}`,
        published: `c.firstPublishedAt ${dir} NULLS LAST`,
      };
      const key = query.sort === "relevance" ? "updated" : query.sort;
      const join = key === "topic" ? "JOIN Topic t ON t.id = c.topicId" : key === "status" ? "JOIN Status st ON st.id = c.statusId" : "";
      this.rows = [prepare(`SELECT c.id FROM Claim c ${join} WHERE ${all.text} ORDER BY ${order[key]}, c.id ${dir} LIMIT ? OFFSET ?`, [...all.params, query.pageSize, offset])];
    }
    this.rows.push(prepare(`SELECT count(*) AS n FROM Claim c WHERE ${all.text}`, all.params));
    this.records = [
      db.prepare(`SELECT c.*, t.label AS topic, st.label AS status FROM Claim c JOIN Topic t ON t.id = c.topicId JOIN Status st ON st.id = c.statusId WHERE c.id IN (SELECT value FROM json_each(?))`),
      db.prepare(
        `SELECT a.*, ac.name AS actor, s.title, s.outlet, s.url, s.publishedAt FROM Attribution a JOIN Actor ac ON ac.id = a.actorId JOIN Source s ON s.id = a.sourceId
         WHERE a.claimId IN (SELECT value FROM json_each(?))`,
      ),
    ];

    const claimFacet = (facet: string, column: string) => {
      const w = where(facet);
      return prepare(`SELECT c.${column}, count(*) AS n FROM Claim c WHERE ${w.text} GROUP BY c.${column}`, w.params);
    };
    const s = where("stance");
    const src = where("source");
    const act = where("actor");
    this.facets = [
      claimFacet("status", "statusId"),
      claimFacet("topic", "topicId"),
      claimFacet("contested", "contested"),
      prepare(`SELECT a.stance, count(DISTINCT a.claimId) AS n FROM Claim c JOIN Attribution a ON a.claimId = c.id WHERE ${s.text} GROUP BY a.stance`, s.params),
      prepare(
        `SELECT a.sourceId, count(DISTINCT a.claimId) AS n FROM Claim c JOIN Attribution a ON a.claimId = c.id WHERE ${src.text} GROUP BY a.sourceId ORDER BY n DESC LIMIT 15`,
        src.params,
      ),
      prepare(
        `SELECT actorId, count(DISTINCT claimId) AS n FROM (
           SELECT a.actorId, a.claimId FROM Claim c JOIN Attribution a ON a.claimId = c.id WHERE ${act.text}
           UNION ALL
           SELECT v.actorId, a.claimId FROM Claim c JOIN Attribution a ON a.claimId = c.id JOIN AttributionVia v ON v.attributionId = a.id WHERE ${act.text}
         ) GROUP BY actorId ORDER BY n DESC LIMIT 15`,
        [...act.params, ...act.params],
      ),
    ];
  }

  /** The page of ids alone, in order (to check the app's order against). */
  pageIds(): number[] {
    return (this.rows[0]!.statement.all(...this.rows[0]!.params) as { id: number }[]).map((row) => row.id);
  }

  /** The rows part: page of ids, total, the page's records. Returns the total. */
  runRows(): number {
    const ids = (this.rows[0]!.statement.all(...this.rows[0]!.params) as { id: number }[]).map((row) => row.id);
    const total = (this.rows[1]!.statement.get(...this.rows[1]!.params) as { n: number }).n;
    const json = JSON.stringify(ids);
    this.records[0].all(json);
    this.records[1].all(json);
    return total;
  }

  runFacets(): void {
    for (const { statement, params } of this.facets) statement.all(...params);
  }

  /** Plans of the floor's statements, for the report. */
  plans(): string[][] {
    return [...this.rows, ...this.facets].map(({ statement, params }) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(...params) as { detail: string }[]).map((row) => row.detail),
    );
  }
}

function conditions(db: Database.Database, query: ClaimQuery): Cond[] {
  const ids = (table: string, keys: string[]) =>
    keys.length === 0 ? [] : (db.prepare(`SELECT id FROM ${table} WHERE key IN (${keys.map(() => "?").join(",")})`).all(...keys) as { id: number }[]).map((r) => r.id);
  const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");
  const out: Cond[] = [];
  if (query.q) out.push({ facet: "search", text: "c.id IN (SELECT rowid FROM claim_search WHERE claim_search MATCH ?)", params: [toFtsQuery(query.q) ?? ""] });
  if (query.status.length) {
    const v = ids("Status", query.status);
    out.push({ facet: "status", text: `c.statusId IN (${marks(v)})`, params: v });
  }
  if (query.topic.length) {
    const v = ids("Topic", query.topic);
    out.push({ facet: "topic", text: `c.topicId IN (${marks(v)})`, params: v });
  }
  // LIMIT 1: without it, the SQLite of better-sqlite3 (3.53.0) makes the EXISTS a join and
  // counts an OFFSET over its rows, giving a deep page's wrong claims (docs/decisions/069).
  if (query.stance.length) out.push({ facet: "stance", text: `EXISTS (SELECT 1 FROM Attribution a WHERE a.claimId = c.id AND a.stance IN (${marks(query.stance)}) LIMIT 1)`, params: [...query.stance] });
  if (query.source.length) out.push({ facet: "source", text: `EXISTS (SELECT 1 FROM Attribution a WHERE a.claimId = c.id AND a.sourceId IN (${marks(query.source)}) LIMIT 1)`, params: [...query.source] });
  if (query.actor.length) {
    const a = marks(query.actor);
    const stance = { asserted: "asserts", denied: "denies", declined: "declines_to_clarify" } as Record<string, string>;
    const via = `c.id IN (SELECT a.claimId FROM AttributionVia v JOIN Attribution a ON a.id = v.attributionId WHERE v.actorId IN (${a}))`;
    if (query.role === "any") out.push({ facet: "actor", text: `c.id IN (SELECT claimId FROM Attribution WHERE actorId IN (${a})) OR ${via}`, params: [...query.actor, ...query.actor] });
    else if (query.role === "relayed") out.push({ facet: "actor", text: `${via} OR c.id IN (SELECT claimId FROM Attribution WHERE actorId IN (${a}) AND stance = 'reports')`, params: [...query.actor, ...query.actor] });
    else out.push({ facet: "actor", text: `c.id IN (SELECT claimId FROM Attribution WHERE actorId IN (${a}) AND stance = ?)`, params: [...query.actor, stance[query.role]] });
  }
  if (query.contested !== undefined) out.push({ facet: "contested", text: "c.contested = ?", params: [query.contested ? 1 : 0] });
  if (query.from || query.to) {
    const next = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
    // A missing bound is left out, not written as a sentinel: publishedAt has NUMERIC
    // affinity, so a text sentinel such as '9999' would be compared as the number 9999,
    // which every stored timestamp (text) exceeds.
    const bounds = [...(query.from ? [["s.publishedAt >= ?", `${query.from}T00:00:00.000+00:00`]] : []), ...(next ? [["s.publishedAt < ?", `${next}T00:00:00.000+00:00`]] : [])];
    out.push({
      facet: "date",
      text: `c.id IN (SELECT a.claimId FROM Source s JOIN Attribution a ON a.sourceId = s.id WHERE ${bounds.map(([text]) => text).join(" AND ")})`,
      params: bounds.map(([, value]) => value),
    });
  }
  return out;
}
