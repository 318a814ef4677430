import { describe, expect, it } from "vitest";
import { generateDataset } from "@/tools/synthetic/generate";
import { LOAD_SEED, searchWords } from "@/load/fixtures";

describe("the load test's search words", () => {
  it("ranks words of five letters or more by frequency (ties alphabetically) and spreads the picks over the ranking", () => {
    const texts = ["Drone drone drone strike", "drone convoy convoy border", "border shelling, Convoy!"];
    // drone 4, convoy 3, border 2, shelling 1, strike 1; "the"-sized words are left out.
    expect(searchWords(texts, 10)).toEqual(["drone", "convoy", "border", "shelling", "strike"]);
    expect(searchWords(texts, 2)).toEqual(["drone", "border"]);
  });

  it("come from the synthetic claims' own vocabulary, the same for the same data", () => {
    const texts = generateDataset({ claims: 300, seed: LOAD_SEED }).claims.map((claim) => claim.text.toLowerCase());
    const words = searchWords(texts);
    expect(words).toHaveLength(10);
    expect(new Set(words).size).toBe(10);
    for (const word of words) expect(texts.some((text) => text.includes(word)), word).toBe(true);
    expect(searchWords(generateDataset({ claims: 300, seed: LOAD_SEED }).claims.map((claim) => claim.text))).toEqual(words);
  });
});
