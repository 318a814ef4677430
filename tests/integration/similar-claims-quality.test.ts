import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { sharedReader } from "@/lib/db/reader";
import { findSimilarClaims, SIMILAR_THRESHOLD } from "@/lib/claims/similar/find-similar";
import { createArticle } from "@/tests/support/article-factory";

/**
 * The matcher's quality on the labelled set (tests/fixtures/similar-claims.json): every
 * pair runs through the real candidate search and re-ranking on a migrated, seeded
 * database. A change that makes matching worse fails here.
 */
type LabelledSet = {
  claims: { text: string; topic: string }[];
  pairs: { text: string; claim: string; same: boolean; note: string }[];
};

const labelled = JSON.parse(readFileSync(path.resolve("tests/fixtures/similar-claims.json"), "utf8")) as LabelledSet;
const claimIds = new Map<string, number>();

beforeAll(async () => {
  await createArticle({
    title: "Synthetic wire roundup",
    statements: labelled.claims.map((claim) => ({ claim: claim.text, topic: claim.topic, actor: "Wire desk", stance: "asserts" as const, words: claim.text })),
  });
  for (const claim of await prisma.claim.findMany({ select: { id: true, text: true } })) claimIds.set(claim.text, claim.id);
});

describe("similar claims on the labelled set", () => {
  it("has at least 60 pairs, half of them paraphrases, each naming a stored claim", () => {
    expect(labelled.pairs.length).toBeGreaterThanOrEqual(60);
    expect(labelled.pairs.filter((pair) => pair.same).length).toBe(labelled.pairs.length / 2);
    for (const pair of labelled.pairs) expect(claimIds.has(pair.claim), pair.claim).toBe(true);
  });

  it("finds the true match in the top 3 and keeps near misses below the threshold (>= 0.9 each)", async () => {
    let recalledInTop3 = 0;
    let truePositives = 0;
    let falsePositives = 0;
    let positives = 0;
    const misses: string[] = [];
    for (const pair of labelled.pairs) {
      const targetId = claimIds.get(pair.claim)!;
      const results = await findSimilarClaims(sharedReader, pair.text, { limit: 10 });
      const target = results.find((result) => result.id === targetId);
      const above = (target?.score ?? 0) >= SIMILAR_THRESHOLD;
      if (pair.same) {
        positives += 1;
        const top3 = results.slice(0, 3).some((result) => result.id === targetId);
        if (top3) recalledInTop3 += 1;
        if (above) truePositives += 1;
        if (!top3 || !above) misses.push(`missed (${target?.score ?? 0}, rank ${results.indexOf(target!) + 1}): ${pair.text}`);
      } else if (above) {
        falsePositives += 1;
        misses.push(`near miss matched (${target!.score}, ${pair.note}): ${pair.text}`);
      }
    }
    const recall = recalledInTop3 / positives;
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recallAtThreshold = truePositives / positives;
    console.log(
      `similar claims, ${labelled.pairs.length} pairs, threshold ${SIMILAR_THRESHOLD}: top-3 recall ${recall.toFixed(3)}, ` +
        `precision ${precision.toFixed(3)}, recall at threshold ${recallAtThreshold.toFixed(3)} ` +
        `(${truePositives} true, ${falsePositives} false positives)\n${misses.join("\n")}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});
