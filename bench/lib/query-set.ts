import type Database from "better-sqlite3";
import { Random } from "@/tools/synthetic/random";

/**
 * The query set (issue 14): the list queries a user makes every day, generated from the
 * database being measured, so that no single query can be tuned alone and the same
 * definitions hold at every size and seed. Each query is a query string of the claim
 * list (the same for /api/claims, /api/claims/facets and /claims).
 */
export type SetQuery = {
  /** A short stable name: what the query stands for, e.g. "topic (median)". */
  name: string;
  /** The kind of query, for grouping in the report. */
  group: "status" | "topic" | "contested" | "actor" | "source" | "stance" | "date" | "search" | "combination" | "sort" | "page" | "random";
  /** The query string, without `?`. */
  search: string;
  /** A page to find once the query's total is known (bench/run.ts): its last page, or the one in the middle. */
  page?: "last" | "middle";
};

type Count = { value: string; n: number };

const PAGE_SIZE = 50;

/** The value at the middle of a list sorted by its count (the median used). */
const middle = <T>(rows: readonly T[]): T => rows[Math.floor(rows.length / 2)]!;

/** `randomCount`: random queries added to the set (randomQueries). */
export function generateQuerySet(db: Database.Database, seed = 1, randomCount = 0): SetQuery[] {
  const all = <Row>(text: string, ...params: unknown[]) => db.prepare(text).all(...params) as Row[];
  const one = <Row>(text: string, ...params: unknown[]) => db.prepare(text).get(...params) as Row;
  const queries: SetQuery[] = [];
  const add = (group: SetQuery["group"], name: string, params: Record<string, string | number>) =>
    queries.push({ group, name, search: new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString() });

  // Every status, and the topics by use.
  const statuses = all<Count>(`SELECT s."key" AS "value", count(c."id") AS "n" FROM "Status" s LEFT JOIN "Claim" c ON c."statusId" = s."id" GROUP BY s."id" ORDER BY "n" DESC, s."key"`);
  for (const status of statuses) add("status", `status ${status.value}`, { status: status.value });
  const topics = all<Count>(`SELECT t."key" AS "value", count(*) AS "n" FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId" GROUP BY t."id" ORDER BY "n" DESC, t."key"`);
  add("topic", "topic (most used)", { topic: topics[0]!.value });
  add("topic", "topic (median)", { topic: middle(topics).value });
  add("topic", "topic (least used)", { topic: topics.at(-1)!.value });
  add("contested", "contested", { contested: "true" });
  add("contested", "not contested", { contested: "false" });

  // The most cited actor under each role.
  const topActor = (where: string, via = false) =>
    one<{ id: number }>(
      via
        ? `SELECT "actorId" AS "id" FROM (SELECT a."actorId", a."claimId" FROM "Attribution" a WHERE ${where} UNION SELECT v."actorId", a."claimId" FROM "AttributionVia" v JOIN "Attribution" a ON a."id" = v."attributionId") GROUP BY "actorId" ORDER BY count(*) DESC, "actorId" LIMIT 1`
        : `SELECT a."actorId" AS "id" FROM "Attribution" a WHERE ${where} GROUP BY a."actorId" ORDER BY count(DISTINCT a."claimId") DESC, a."actorId" LIMIT 1`,
    ).id;
  add("actor", "actor, any role", { actor: topActor("1 = 1", true) });
  add("actor", "actor, asserted", { actor: topActor(`a."stance" = 'asserts'`), role: "asserted" });
  add("actor", "actor, denied", { actor: topActor(`a."stance" = 'denies'`), role: "denied" });
  add("actor", "actor, relayed", { actor: topActor(`a."stance" = 'reports'`, true), role: "relayed" });
  add("actor", "actor, declined", { actor: topActor(`a."stance" = 'declines_to_clarify'`), role: "declined" });
  const source = one<{ id: number }>(`SELECT "sourceId" AS "id" FROM "Attribution" GROUP BY "sourceId" ORDER BY count(DISTINCT "claimId") DESC, "sourceId" LIMIT 1`);
  add("source", "largest source", { source: source.id });
  for (const stance of all<{ stance: string }>(`SELECT DISTINCT "stance" FROM "Attribution" ORDER BY "stance"`)) add("stance", `stance ${stance.stance}`, { stance: stance.stance });

  // Dates: a wide range (10th to 90th percentile of publication) and a narrow one (a week from the median).
  const dates = all<{ d: string }>(`SELECT substr("publishedAt", 1, 10) AS "d" FROM "Source" WHERE "publishedAt" IS NOT NULL ORDER BY "publishedAt"`).map((row) => row.d);
  const at = (fraction: number) => dates[Math.min(dates.length - 1, Math.floor(dates.length * fraction))]!;
  add("date", "date range, wide", { from: at(0.1), to: at(0.9), sort: "-published" });
  const weekLater = new Date(`${at(0.5)}T00:00:00Z`);
  weekLater.setUTCDate(weekLater.getUTCDate() + 6);
  add("date", "date range, one week", { from: at(0.5), to: weekLater.toISOString().slice(0, 10) });

  // Search: words by the number of claims whose search document holds them (FTS5's own vocabulary).
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."bench_vocabulary" USING fts5vocab(main, claim_search, row)`);
  const words = all<{ term: string; n: number }>(
    `SELECT "term", "doc" AS "n" FROM temp."bench_vocabulary" WHERE length("term") >= 4 AND "term" NOT GLOB '*[^a-z]*' ORDER BY "doc" DESC, "term"`,
  );
  const rare = words.filter((word) => word.n >= 2).at(-1) ?? words.at(-1)!;
  const median = middle(words);
  add("search", `search, most frequent word (${words[0]!.term})`, { q: words[0]!.term });
  add("search", `search, median word (${median.term})`, { q: median.term });
  add("search", `search, rare word (${rare.term})`, { q: rare.term });
  const generator = new Random(seed, "bench query set");
  const random = () => generator.next();
  const claimText = one<{ text: string }>(`SELECT "text" FROM "Claim" WHERE "id" >= ? ORDER BY "id" LIMIT 1`, 1 + Math.floor(random() * one<{ n: number }>(`SELECT max("id") AS "n" FROM "Claim"`).n)).text;
  const textWords = claimText.split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, "")).filter((word) => word.length >= 3);
  const start = Math.floor(random() * Math.max(1, textWords.length - 1));
  add("search", "search, two-word phrase", { q: `"${textWords.slice(start, start + 2).join(" ")}"` });
  add("search", `search, three-letter prefix (${median.term.slice(0, 3)})`, { q: median.term.slice(0, 3) });

  // Ten combinations of two or three filters, their values drawn from the data.
  const actors = all<{ id: number }>(`SELECT "actorId" AS "id" FROM "Attribution" GROUP BY "actorId" ORDER BY count(*) DESC LIMIT 50`);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const filters: Record<string, () => Record<string, string | number>> = {
    status: () => ({ status: pick(statuses).value }),
    topic: () => ({ topic: pick(topics).value }),
    contested: () => ({ contested: pick(["true", "false"]) }),
    stance: () => ({ stance: pick(["asserts", "denies", "reports", "declines_to_clarify"]) }),
    actor: () => ({ actor: pick(actors).id }),
    date: () => ({ from: at(0.2 + random() * 0.3), to: at(0.6 + random() * 0.3) }),
    search: () => ({ q: words[Math.floor(random() * Math.min(words.length, 200))]!.term }),
  };
  const kinds = Object.keys(filters);
  for (let i = 0; i < 10; i++) {
    const chosen = new Set<string>();
    const size = i % 2 === 0 ? 2 : 3;
    while (chosen.size < size) chosen.add(pick(kinds));
    const params = Object.assign({}, ...[...chosen].sort().map((kind) => filters[kind]!()));
    add("combination", `combination: ${[...chosen].sort().join(" + ")}`, params);
  }

  // Every sort key in both directions, unfiltered.
  for (const key of ["updated", "claim", "topic", "status", "sources", "published"]) {
    add("sort", `sort ${key}`, { sort: key });
    add("sort", `sort -${key}`, { sort: `-${key}` });
  }

  // Deep pages: page 500 of everything, and the last page of the largest status.
  add("page", "page 500, unfiltered", { page: 500 });
  add("page", `last page of status ${statuses[0]!.value}`, { status: statuses[0]!.value, page: Math.max(1, Math.ceil(statuses[0]!.n / PAGE_SIZE)) });
  queries.push(...randomQueries({ statuses, topics, actors: all<{ id: number }>(`SELECT "actorId" AS "id" FROM "Attribution" GROUP BY "actorId" ORDER BY count(*) DESC`), words, at }, seed, randomCount));
  return queries;
}

type RandomVocabulary = {
  statuses: readonly Count[];
  topics: readonly Count[];
  /** Every actor, the most cited first. */
  actors: readonly { id: number }[];
  /** Search words, the most frequent first. */
  words: readonly { term: string }[];
  /** The publication date at a fraction of the sources (0: the earliest). */
  at: (fraction: number) => string;
};

/** Parameters given once: a later draw replaces an earlier one (twice is a 400). */
const SINGLE = new Set(["from", "to", "q"]);

/**
 * Queries no one chose: one to three filters drawn from every parameter of the list (several
 * values of one filter, roles, one-sided and two-sided date ranges, words of every
 * frequency, prefixes and phrases), any sort in either direction, several page sizes, and
 * the first, middle or last page. Values are drawn from the data, actors and words skewed
 * towards the most used (where plans go wrong at scale). Issue 14 asks for speed that holds
 * for every query; the fixed set above is what a user does every day, these are what no
 * test of ours thought of.
 */
export function randomQueries(vocabulary: RandomVocabulary, seed: number, count: number): SetQuery[] {
  const random = new Random(seed, "bench random queries");
  const skewed = <T>(items: readonly T[]) => items[Math.floor(random.next() ** 3 * items.length)]!;
  const stance = () => random.pick(["asserts", "denies", "reports", "declines_to_clarify"]);
  const filters: (() => [string, string][])[] = [
    () => [["status", random.pick(vocabulary.statuses).value]],
    () => [["status", random.pick(vocabulary.statuses).value], ["status", random.pick(vocabulary.statuses).value]],
    () => [["topic", random.pick(vocabulary.topics).value]],
    () => [["topic", random.pick(vocabulary.topics).value], ["topic", random.pick(vocabulary.topics).value]],
    () => [["stance", stance()]],
    () => [["stance", stance()], ["stance", stance()]],
    () => [["actor", String(skewed(vocabulary.actors).id)]],
    () => [["actor", String(skewed(vocabulary.actors).id)], ["role", random.pick(["asserted", "denied", "relayed", "declined"])]],
    () => [["actor", String(skewed(vocabulary.actors).id)], ["actor", String(skewed(vocabulary.actors).id)]],
    () => [["contested", random.pick(["true", "false"])]],
    () => {
      const [a, b] = [random.next(), random.next()].sort((x, y) => x - y);
      return [["from", vocabulary.at(a!)], ["to", vocabulary.at(b!)]];
    },
    () => [[random.pick(["from", "to"]), vocabulary.at(random.next())]],
    () => [["q", skewed(vocabulary.words).term]],
    () => [["q", random.pick(vocabulary.words).term.slice(0, 3)]],
    () => [["q", `${skewed(vocabulary.words).term} ${skewed(vocabulary.words).term}`]],
  ];
  const queries: SetQuery[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams();
    const chosen = new Set<number>();
    const size = random.int(1, 3);
    while (chosen.size < size) chosen.add(random.int(0, filters.length - 1));
    for (const index of chosen) {
      for (const [key, value] of filters[index]!()) {
        if (SINGLE.has(key)) params.set(key, value);
        else params.append(key, value);
      }
    }
    // Bounds drawn apart may cross (a 400): put them in order.
    const [from, to] = [params.get("from"), params.get("to")];
    if (from && to && from > to) {
      params.set("from", to);
      params.set("to", from);
    }
    if (random.chance(0.6)) params.set("sort", `${random.chance(0.5) ? "-" : ""}${random.pick(["updated", "claim", "topic", "status", "sources", "published", "relevance"])}`);
    if (random.chance(0.3)) params.set("pageSize", String(random.pick([20, 100, 200])));
    const draw = random.next();
    const page = draw < 0.4 ? undefined : draw < 0.6 ? ("middle" as const) : ("last" as const);
    queries.push({ group: "random", name: `random ${String(i + 1).padStart(2, "0")}${page ? ` (${page} page)` : ""}`, search: params.toString(), ...(page ? { page } : {}) });
  }
  return queries;
}
