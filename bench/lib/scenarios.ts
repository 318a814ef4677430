import type Database from "better-sqlite3";

/**
 * The requests the benchmark times. Filter values are read from the database being
 * measured (the 3rd most used topic, the person involved in the most attributions), so
 * the same definitions work at every size and seed.
 */
export type Scenario = {
  name: string;
  /** Path and query string, e.g. /api/claims?q=… */
  path: string;
  kind: "api" | "page" | "similar";
  /** What the scenario stands for, for the report. */
  description: string;
  /** Targets at 100k claims (null: informational). */
  target: { p95Ms: number; floorRatio?: number } | null;
};

export const SEARCH_TERM = "kharnivka";

/**
 * The text of the similar-claims scenario: a synthetic claim in other words (number as a
 * word, synonyms, another order), the way a fact-checker's selection arrives. Its common
 * words ("soldiers", "killed") make the candidate search rank thousands of claims at 100k.
 */
export const SIMILAR_TEXT = "Twelve Velorian troops died near Bakhrovo in March 2023";

/**
 * A claim of the measured database in other words (number first as written, "troops died"
 * for "soldiers were killed", the month moved to the front), so the scenario has a true
 * match to find; SIMILAR_TEXT when the database has no such claim.
 */
function similarTextFor(db: Database.Database): string {
  const row = db.prepare(`SELECT text FROM Claim WHERE text LIKE '% soldiers were killed near % in %' ORDER BY id LIMIT 1`).get() as { text: string } | undefined;
  const parts = row ? /^(.+?) (\S+) soldiers were killed near (.+) in (.+)\.$/u.exec(row.text) : null;
  return parts ? `In ${parts[4]}, ${parts[1]} ${parts[2]} troops died near ${parts[3]}` : SIMILAR_TEXT;
}

export function pickFilterValues(db: Database.Database): { topic: string; actorId: number; similarText: string } {
  const topic = db
    .prepare(`SELECT t.key FROM Claim c JOIN Topic t ON t.id = c.topicId GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1 OFFSET 2`)
    .get() as { key: string };
  const actor = db
    .prepare(`SELECT a.actorId AS id FROM Attribution a JOIN Actor ac ON ac.id = a.actorId WHERE ac.kind = 'person' GROUP BY a.actorId ORDER BY count(*) DESC, a.actorId LIMIT 1`)
    .get() as { id: number };
  return { topic: topic.key, actorId: actor.id, similarText: similarTextFor(db) };
}

export function scenarios(values: { topic: string; actorId: number; similarText: string }): Scenario[] {
  const filtered = `topic=${values.topic}&status=false,misleading&sort=-updated`;
  const contested = `contested=true&actor=${values.actorId}&sort=-updated`;
  return [
    { name: "api-filter", kind: "api", path: `/api/claims?${filtered}`, description: "topic + 2 statuses, newest first, page 1 + facets", target: { p95Ms: 50, floorRatio: 3 } },
    { name: "api-contested-actor", kind: "api", path: `/api/claims?${contested}`, description: "contested + one actor (any role), page 1 + facets", target: { p95Ms: 50, floorRatio: 3 } },
    { name: "api-search", kind: "api", path: `/api/claims?q=${SEARCH_TERM}`, description: "full-text search, by relevance, page 1 + facets", target: { p95Ms: 30 } },
    { name: "api-unfiltered", kind: "api", path: `/api/claims`, description: "no filter, newest first, page 1 + facets", target: null },
    { name: "api-similar", kind: "similar", path: `/api/claims/similar?text=${encodeURIComponent(values.similarText)}&limit=5`, description: `similar claims to "${values.similarText}" (a claim of the database in other words): full-text candidates, re-ranked`, target: { p95Ms: 50 } },
    { name: "page-filter", kind: "page", path: `/claims?${filtered}`, description: "/claims HTML with the api-filter query", target: { p95Ms: 150 } },
    { name: "page-unfiltered", kind: "page", path: `/claims`, description: "/claims HTML, no filter (the landing list)", target: { p95Ms: 150 } },
  ];
}
