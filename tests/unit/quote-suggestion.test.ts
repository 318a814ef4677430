import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, describeSuggestion, suggestQuote } from "@/lib/sources/quote-suggestion";

/* What the API and the forms offer for a quote that is not the article's words exactly. */

const ARTICLE = "Officials met on Monday. The minister said the talks were “very productive” and would resume. Nobody else spoke.";

describe("suggestQuote", () => {
  it("offers the article's words, their offsets, a rounded score and the rest of their sentence", () => {
    const suggestion = suggestQuote(ARTICLE, 'the talks were "very productive"');
    expect(suggestion).toEqual({
      exact: "the talks were “very productive”",
      start: ARTICLE.indexOf("the talks"),
      end: ARTICLE.indexOf(" and would"),
      score: 0.99,
      before: "The minister said ",
      after: " and would resume.",
    });
  });

  it("offers nothing for words the article does not hold", () => {
    expect(suggestQuote(ARTICLE, "the harvest was the best in a decade")).toBeNull();
  });

  it("takes the passage nearest the hint among equally close ones", () => {
    const text = "He said “yes” at first. Later he said “yes” again.";
    const second = text.lastIndexOf("he said");
    expect(suggestQuote(text, 'he said "yes"', second)?.start).toBe(second);
    expect(suggestQuote(text, 'he said "yes"')?.start).toBe(text.indexOf("He said"));
  });

  it("shows at most CONTEXT_LENGTH characters either side, never half an emoji", () => {
    const long = `${"🙂".repeat(100)} the talks were “very productive” ${"🙂".repeat(100)}.`;
    const suggestion = suggestQuote(long, 'the talks were "very productive"')!;
    expect(suggestion.before.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(suggestion.after.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(suggestion.before.length).toBeGreaterThan(CONTEXT_LENGTH - 2);
    for (const part of [suggestion.before, suggestion.after]) expect(part.isWellFormed()).toBe(true);
  });

  it("reads as a question in messages", () => {
    expect(describeSuggestion({ exact: "the talks", start: 3, end: 12 })).toBe("did you mean “the talks” (characters 3–12)?");
  });
});
