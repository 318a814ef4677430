import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BEST_RATING, WORST_RATING } from "@/lib/export/claim-review";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";

/*
 * The verdict → ClaimReview rating mapping is documented in docs/export.md for the people who
 * publish and read it; this keeps that table equal to the statuses every database starts with.
 */

const EXPORT_DOC = readFileSync(path.resolve(import.meta.dirname, "../../docs/export.md"), "utf8");

function documentedMapping(): { key: string; words: string; ratingValue: number | null }[] {
  const section = EXPORT_DOC.split("### Verdicts on the rating scale")[1]?.split(/\n#{2,3} /)[0] ?? "";
  return [...section.matchAll(/^- `([a-z_]+)`: "([^"]+)", ratingValue (\d+|none)/gm)].map(([, key, words, rating]) => ({
    key: key!,
    words: words!,
    ratingValue: rating === "none" ? null : Number(rating),
  }));
}

describe("the documented verdict mapping", () => {
  it("is exactly the default final statuses, their words and their ratings", () => {
    const expected = DEFAULT_STATUSES.filter((status) => status.isFinal).map((status) => ({ key: status.key, words: status.label, ratingValue: status.ratingValue }));
    expect(documentedMapping()).toEqual(expected);
  });

  it("keeps every rating on the scale, and every verdict's words distinct where ratings are shared", () => {
    const finals = DEFAULT_STATUSES.filter((status) => status.isFinal);
    for (const status of finals) {
      if (status.ratingValue !== null) expect(status.ratingValue).toBeGreaterThanOrEqual(WORST_RATING);
      if (status.ratingValue !== null) expect(status.ratingValue).toBeLessThanOrEqual(BEST_RATING);
    }
    expect(new Set(finals.map((status) => status.label)).size).toBe(finals.length);
  });
});
