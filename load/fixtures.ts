import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";
import { toStoredTimestamp } from "@/lib/db/timestamps";
import { ATTRIBUTION_COLUMNS, type AttributionColumn } from "@/lib/export/columns";

/**
 * Synthetic claims for the load test, inserted straight into SQLite in one transaction
 * with the search triggers live (so the FTS index and derived columns are maintained by
 * the same triggers the app relies on). Deterministic: the same count gives the same data.
 */

/** Words the synthetic claims are made of; the load test searches for some of them. */
export const SEARCH_WORDS = ["missile", "troops", "treaty", "drone", "border", "artillery", "convoy", "ceasefire", "shipment", "casualties"] as const;
const PLACES = ["Kursk", "Pyongyang", "Belgorod", "Kharkiv", "Vladivostok", "Odesa", "Sumy", "Seoul", "Donetsk", "Rostov"];
const VERBS = ["said", "claimed", "alleged", "denied", "reported", "confirmed"];
const STANCES = ["asserts", "denies", "reports", "asserts"] as const;
const OUTLETS = ["Reuters", "AP", "Yonhap", "Kyiv Independent", "TASS", "BBC"];

const stored = toStoredTimestamp;

/** A small deterministic generator (mulberry32), so runs are comparable. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addSyntheticClaims(file: string, count: number): { claims: number; attributions: number; sources: number } {
  if (count <= 0) return { claims: 0, attributions: 0, sources: 0 };
  const rand = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    db.pragma("foreign_keys = ON");
    const topicIds = db.prepare(`SELECT id FROM "Topic" ORDER BY id`).pluck().all() as number[];
    const statusIds = db.prepare(`SELECT id FROM "Status" ORDER BY sortOrder`).pluck().all() as number[];
    if (topicIds.length === 0 || statusIds.length === 0) throw new Error("Seed the database first: no topics or statuses.");
    const now = new Date();

    const insertSource = db.prepare(
      `INSERT INTO "Source" (title, outlet, url, author, publishedAt, text, textSha256, createdAt, updatedAt) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
    );
    const insertActor = db.prepare(`INSERT INTO "Actor" (name, normalizedName, kind, role, affiliation, createdAt, updatedAt) VALUES (?, ?, ?, ?, NULL, ?, ?)`);
    const insertClaim = db.prepare(
      `INSERT INTO "Claim" (text, normalizedText, topicId, statusId, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, ?, ?)`,
    );
    const insertAttribution = db.prepare(
      `INSERT INTO "Attribution" (claimId, sourceId, actorId, stance, verb, sourcing, quote, accuracy, version, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, 'named', ?, 'unchecked', 1, ?, ?)`,
    );

    let attributions = 0;
    const sourceCount = Math.max(1, Math.ceil(count / 20));
    db.transaction(() => {
      const sourceIds: number[] = [];
      for (let i = 0; i < sourceCount; i++) {
        const published = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000);
        const text = `Synthetic load-test article ${i}.`;
        sourceIds.push(
          Number(
            insertSource.run(
              `Load-test dispatch ${i}`,
              pick(OUTLETS),
              `https://load.example/article/${i}`,
              stored(published),
              text,
              createHash("sha256").update(text).digest("hex"),
              stored(now),
              stored(now),
            ).lastInsertRowid,
          ),
        );
      }
      const actorIds: number[] = [];
      for (let i = 0; i < 60; i++) {
        const name = `Load Speaker ${i} of ${pick(PLACES)}`;
        actorIds.push(Number(insertActor.run(name, name.toLowerCase(), i % 5 === 0 ? "government" : "person", i % 3 === 0 ? "spokesperson" : null, stored(now), stored(now)).lastInsertRowid));
      }
      for (let i = 0; i < count; i++) {
        const text = `Load claim ${i}: ${pick(SEARCH_WORDS)} ${pick(SEARCH_WORDS)} near ${pick(PLACES)} (${i % 97} reports).`;
        const claimId = Number(
          insertClaim.run(text, text.toLowerCase(), pick(topicIds), statusIds[i % 7 === 0 ? 1 + (i % (statusIds.length - 1)) : 0], stored(now), stored(now)).lastInsertRowid,
        );
        const n = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < n; k++) {
          const verb = pick(VERBS);
          insertAttribution.run(claimId, pick(sourceIds), pick(actorIds), pick(STANCES), verb, `The official ${verb} that ${text.toLowerCase()}`, stored(now), stored(now));
          attributions += 1;
        }
      }
    })();
    return { claims: count, attributions, sources: sourceCount };
  } finally {
    db.close();
  }
}

/**
 * An attributions CSV (docs/export.md columns) of `rows` rows, two per new claim, on the
 * seed's topics, with new actors and sources. Every claim and quote carries `tag`, so what
 * an import left behind can be found by searching for it.
 */
export function attributionsCsv(rows: number, tag: string): string {
  const topics = ["troop-deaths", "missile-transfers", "diplomacy", "escalation"];
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
