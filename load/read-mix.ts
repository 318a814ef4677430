/**
 * The load test's read mix (load/run.ts), apart so that load/cost-per-kind.ts draws the same
 * requests: a quarter lists, a fifth searches, a third single claims through the JSON API,
 * and a fifth claim list pages, with ids, keys and words from the database itself.
 */
import { openQueryConnection } from "../tools/harness/database";
import { Random } from "@/tools/synthetic/random";
import { searchWords } from "./fixtures";

/** What the readers and writers draw from: the database's own ids, keys and words. */
export type Vocabulary = { claimIds: number[]; hotClaimIds: number[]; statusKeys: string[]; topicKeys: string[]; searchWords: string[] };

export async function readVocabulary(database: string): Promise<Vocabulary> {
  const db = await openQueryConnection(database);
  try {
    const claimIds = await db.column<number>(`SELECT "id" FROM "Claim" ORDER BY "id"`);
    return {
      claimIds,
      // Status changes go to a handful of claims, so that writers really race for them.
      hotClaimIds: claimIds.slice(0, 5),
      statusKeys: await db.column<string>(`SELECT "key" FROM "Status" ORDER BY "sortOrder"`),
      topicKeys: await db.column<string>(`SELECT "key" FROM "Topic" ORDER BY "id"`),
      searchWords: searchWords(await db.column<string>(`SELECT "text" FROM "Claim" ORDER BY "id"`)),
    };
  } finally {
    await db.close();
  }
}

export type ReadKind = "list" | "search" | "detail" | "html";

export function readPathChooser(vocabulary: Vocabulary) {
  const random = new Random(7, "reads");
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  const filters = [
    () => `status=${pick(vocabulary.statusKeys)}`,
    () => `topic=${pick(vocabulary.topicKeys)}`,
    () => `topic=${pick(vocabulary.topicKeys)},${pick(vocabulary.topicKeys)}&sort=-sources`,
    () => `contested=true`,
    () => `stance=denies&role=denied`,
    () => `sort=-updated&page=${random.int(1, 20)}&pageSize=20`,
    () => `status=unreviewed&sort=published`,
  ];
  return (): { kind: ReadKind; path: string } => {
    const r = random.next();
    if (r < 0.25) return { kind: "list", path: `/api/claims?${pick(filters)()}` };
    if (r < 0.45) {
      const word = pick(vocabulary.searchWords);
      return { kind: "search", path: random.chance(0.3) ? `/api/claims?q=${word.slice(0, 4)}&sort=relevance` : `/api/claims?q=${word}&pageSize=20` };
    }
    if (r < 0.8) return { kind: "detail", path: `/api/claims/${pick(vocabulary.claimIds)}` };
    const html = [`/claims`, `/claims?q=${pick(vocabulary.searchWords)}`, `/claims?${pick(filters)()}`];
    return { kind: "html", path: pick(html) };
  };
}
