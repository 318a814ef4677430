import { describe, expect, it } from "vitest";
import { matchQuote, type QuoteContext } from "@/lib/sources/quote-matcher";

/*
 * The cases Hypothesis checks its quote matcher against (hypothesis/client,
 * src/annotator/anchoring/test/match-quote-test.js), restated for Claimtrail's matcher
 * with texts of our own: exact and approximate matches; scores that fall as the quote,
 * the prefix or the suffix grows less like the text; context choosing between repeated
 * passages; the position hint breaking ties; nothing for an unrelated or empty quote.
 */

const recollection =
  "Many months later, standing before the committee, the minister was to recall the grey morning when her adviser first showed her the leaked memo.";

const pledges =
  "We will rebuild the bridges, we will rebuild the schools, we will rebuild the clinics, " +
  "we will rebuild the roads before winter, and we will rebuild them all before the election, whatever it costs us.";

/** Scores of `quotes` (each with its context) must fall strictly, in the order given. */
function expectFallingScores(text: string, attempts: { quote: string; context?: QuoteContext }[]) {
  const scores = attempts.map(({ quote, context }) => {
    const match = matchQuote(text, quote, { ...context, minScore: 0 });
    if (!match) throw new Error(`no match at all for "${quote}"`);
    return match.score;
  });
  for (let i = 1; i < scores.length; i++) expect(scores[i], `score ${i} of ${scores.join(", ")}`).toBeLessThan(scores[i - 1]!);
}

describe("matchQuote, on the cases of Hypothesis's matcher", () => {
  it("finds the words as given, with a perfect score", () => {
    const match = matchQuote(recollection, "the leaked memo");
    expect(match).toMatchObject({ kind: "exact", score: 1, exact: "the leaked memo" });
    expect(recollection.slice(match!.start, match!.end)).toBe("the leaked memo");
  });

  it("finds the closest passage when the words are not there as given, with a score between 0 and 1", () => {
    const match = matchQuote(recollection, "Some months later");
    expect(match?.kind).toBe("approximate");
    expect(match?.exact).toBe("Many months later");
    expect(recollection.slice(match!.start, match!.end)).toBe("Many months later");
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.score).toBeLessThan(1);
  });

  it("scores lower as the quote grows less like the text", () => {
    expectFallingScores(
      recollection,
      ["Many months later", "Many monts later", "Some months later", "Some months after"].map((quote) => ({ quote })),
    );
  });

  it("scores lower as the given prefix grows less like the text before the quote", () => {
    const quote = ", standing before the committee";
    expectFallingScores(
      recollection,
      ["Many months later", "Many monts later", "Some months later", "Some months after"].map((prefix) => ({ quote, context: { prefix } })),
    );
  });

  it("scores lower as the given suffix grows less like the text after the quote", () => {
    const quote = "Many months later";
    expectFallingScores(
      recollection,
      [", standing before the committee", ", standing before the comittee", ", sitting before the committee", ", sitting in the dock"].map(
        (suffix) => ({ quote, context: { suffix } }),
      ),
    );
  });

  it("finds nothing for a quote from another text", () => {
    expect(matchQuote(pledges, recollection)).toBeNull();
  });

  it("finds nothing for an empty quote, or in an empty text", () => {
    expect(matchQuote("the committee", "")).toBeNull();
    expect(matchQuote("", "the committee")).toBeNull();
  });

  describe("lets the context choose between repeated passages", () => {
    it.each([
      // The prefix, exact and with typos.
      { quote: "we will rebuild", context: { prefix: "the schools," }, expectedAt: "we will rebuild the clinics" },
      { quote: "we will rebuild", context: { prefix: "the clinics," }, expectedAt: "we will rebuild the roads" },
      { quote: "we will rebuild", context: { prefix: "the skools," }, expectedAt: "we will rebuild the clinics" },
      { quote: "we will rebuild", context: { prefix: "the clinix," }, expectedAt: "we will rebuild the roads" },
      // The suffix, exact and with typos.
      { quote: "we will rebuild the", context: { suffix: "roads" }, expectedAt: "we will rebuild the roads" },
      { quote: "we will rebuild the", context: { suffix: "schools" }, expectedAt: "we will rebuild the schools" },
      { quote: "we will rebuild the", context: { suffix: "rods" }, expectedAt: "we will rebuild the roads" },
      { quote: "we will rebuild the", context: { suffix: "skools" }, expectedAt: "we will rebuild the schools" },
    ])("$quote with $context", ({ quote, context, expectedAt }) => {
      const match = matchQuote(pledges, quote, context);
      expect(match?.exact).toBe(quote);
      expect(match?.start).toBe(pledges.indexOf(expectedAt));
    });
  });

  it("takes the passage nearest the position hint among equally good ones, and the first without a hint", () => {
    const schools = pledges.indexOf("we will rebuild the schools");
    const roads = pledges.indexOf("we will rebuild the roads");
    const typed = "we wil rebuild the"; // a typo, so that every passage is an approximate match
    const nearSchools = matchQuote(pledges, typed, { hint: schools });
    const nearRoads = matchQuote(pledges, typed, { hint: roads });
    const unhinted = matchQuote(pledges, typed);
    expect(nearSchools).toMatchObject({ kind: "approximate", start: schools, exact: "we will rebuild the" });
    expect(nearRoads).toMatchObject({ kind: "approximate", start: roads, exact: "we will rebuild the" });
    // "We will rebuild the" at the very start differs only by its capital: the first passage.
    expect(unhinted).toMatchObject({ kind: "approximate", start: 0, exact: "We will rebuild the" });
  });

  it("matches when the given prefix is longer than the text before the quote", () => {
    const prefix = "It happened to the minister many";
    const match = matchQuote(recollection, "months later", { prefix });
    expect(match?.exact).toBe("months later");
    expect(match!.start).toBeLessThan(prefix.length);
  });

  it("matches a quote at the very end of the text although a suffix is given", () => {
    const text = "The statement ended there";
    const match = matchQuote(text, "there", { suffix: ", said the spokesperson" });
    expect(match?.exact).toBe("there");
    expect(match?.end).toBe(text.length);
  });
});
