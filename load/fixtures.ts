import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";
import { ATTRIBUTION_COLUMNS, type AttributionColumn } from "@/lib/export/columns";
import { generateDataset } from "@/tools/synthetic/generate";
import { loadDataset } from "@/tools/synthetic/load";

/** The seed of the load test's data: the same claim count always gives the same database. */
export const LOAD_SEED = 42;

/**
 * Replace the claim data of a migrated database with `count` synthetic claims from
 * tools/synthetic (what `npm run db:synthetic` and the benchmark load; statuses and accounts
 * are kept). Deterministic: the same count gives the same data.
 */
export function loadSyntheticClaims(file: string, count: number): { claims: number; attributions: number; sources: number } {
  if (count <= 0) return { claims: 0, attributions: 0, sources: 0 };
  const dataset = generateDataset({ claims: count, seed: LOAD_SEED });
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    loadDataset(db, dataset, { force: true });
  } finally {
    db.close();
  }
  return { claims: dataset.claims.length, attributions: dataset.attributions.length, sources: dataset.sources.length };
}

/**
 * Words to search for, taken from the claims themselves: `count` words of five letters or
 * more, spread over the 200 most frequent ones, so that searches range from common words
 * (many matches) to rarer ones. Deterministic for the same texts.
 */
export function searchWords(claimTexts: readonly string[], count = 10): string[] {
  const frequency = new Map<string, number>();
  for (const text of claimTexts) {
    for (const word of text.toLowerCase().match(/\p{L}{5,}/gu) ?? []) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const ranked = [...frequency].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).slice(0, 200).map(([word]) => word);
  if (ranked.length <= count) return ranked;
  return Array.from({ length: count }, (_, i) => ranked[Math.floor((i * ranked.length) / count)]!);
}

/** Topic keys of the seed article (prisma/seed.ts). */
const SEED_TOPICS = ["troop-deaths", "missile-transfers", "diplomacy", "escalation"];

/**
 * An attributions CSV (docs/export.md columns) of `rows` rows, two per new claim, on
 * `topics` (keys that exist in the target database; the seed's by default), with new
 * actors and sources. Every claim and quote carries `tag`, so what an import left behind
 * can be found by searching for it.
 */
export function attributionsCsv(rows: number, tag: string, topics: readonly string[] = SEED_TOPICS): string {
  const stances = ["asserts", "denies", "reports"];
  const records: Record<AttributionColumn, string>[] = [];
  for (let i = 0; i < rows; i++) {
    const claim = Math.floor(i / 2);
    const source = Math.floor(i / 20);
    const values: Record<AttributionColumn, string> = {
      claim_id: "",
      claim: `Crash test ${tag} claim ${claim}: a convoy reached depot ${claim % 50}.`,
      topic: topics[claim % topics.length]!,
      status: claim % 5 === 0 ? "in_review" : "unreviewed",
      actor: `Crash Speaker ${tag} ${i % 300}`,
      actor_kind: "person",
      actor_role: i % 7 === 0 ? "spokesperson" : "",
      stance: stances[i % stances.length]!,
      verb: "said",
      via: i % 10 === 0 ? "Reuters" : "",
      source_title: `Crash dispatch ${tag} ${source}`,
      source_outlet: "Crash Wire",
      source_url: `https://crash.example/${tag}/${source}`,
      source_published: "2024-05-01",
      quote: `Speaker ${i % 300} said the ${tag} convoy reached depot ${claim % 50} (row ${i}).`,
      quote_start: "",
      quote_end: "",
      attribution_accuracy: "unchecked",
      sourcing: "named",
    };
    records.push(values);
  }
  return stringify(records, { header: true, columns: [...ATTRIBUTION_COLUMNS] });
}
