import { describe, expect, it } from "vitest";
import { buildAliasTable } from "@/lib/claims/similar/alias-table";
import { foldNumbers } from "@/lib/claims/similar/number-words";
import { likeness } from "@/lib/claims/similar/score";
import { contentWords } from "@/lib/claims/similar/words";

const none = buildAliasTable([]);
const keys = (text: string, aliases = none) => contentWords(text, aliases).map((word) => word.key);

describe("content words of the similar-claims matcher", () => {
  it("writes numbers as digits, whatever their spelling", () => {
    expect(foldNumbers(["two", "hundred", "and", "five", "tanks"]).map((w) => w.word)).toEqual(["205", "tanks"]);
    expect(keys("Six soldiers")).toEqual(keys("6 soldiers"));
    expect(keys("1,000 shells")).toEqual(keys("one thousand shells"));
    expect(keys("3 million barrels")[0]).toBe("3000000");
  });

  it("meets inflections, country adjectives, synonyms and compounds", () => {
    expect(keys("Ukrainian")).toEqual(keys("Ukraine"));
    expect(keys("North Korean")).toEqual(keys("North Korea"));
    expect(keys("officers died")).toEqual(keys("soldiers killed"));
    expect(keys("front line")).toEqual(keys("frontline"));
  });

  it("drops stop words and initials, and replaces a known alias by the actor's name", () => {
    expect(keys("V. Putin has said that")).toEqual(["putin"]);
    const aliases = buildAliasTable([{ alias: "Ким Чен Ын", name: "Kim Jong Un" }]);
    expect(keys("Ким Чен Ын", aliases)).toEqual(keys("Kim Jong Un"));
  });

  it("halves the score of a substituted number or name, not of an added one", () => {
    const claim = contentWords("Six North Korean soldiers have been killed on the front line in Ukraine.", none);
    expect(likeness(contentWords("Seven North Korean soldiers have been killed on the front line in Ukraine.", none), claim).score).toBeLessThan(0.5);
    expect(likeness(contentWords("Kyiv says six North Korean soldiers were killed on the front line in Ukraine.", none), claim).score).toBeGreaterThan(0.85);
    expect(likeness(contentWords("Six North Korean soldiers have been killed on the front line in Ukraine.", none), claim)).toMatchObject({ score: 1 });
  });
});
