import { describe, expect, it } from "vitest";
import { anchorAt, findQuote, QUOTE_CONTEXT_LENGTH, reanchor, sentenceAround, verifyQuoteAt } from "@/lib/sources/anchoring";

const text = "First sentence here. Peskov called it “fake news”, Reuters said. Last one!\nNew line quote.";

describe("anchorAt", () => {
  it("returns the exact text with up to 32 characters of context either side", () => {
    const start = text.indexOf("fake news");
    const result = anchorAt(text, start, start + "fake news".length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.anchor.quote).toBe("fake news");
    expect(result.anchor.quotePrefix).toBe(text.slice(start - QUOTE_CONTEXT_LENGTH, start));
    expect(result.anchor.quotePrefix).toHaveLength(32);
    expect(result.anchor.quoteSuffix).toBe(text.slice(start + 9, start + 9 + 32));
  });

  it("never splits an emoji in the context", () => {
    const emojiText = `${"x".repeat(31)}🧪quote🧪${"y".repeat(40)}`;
    const start = emojiText.indexOf("quote");
    const result = anchorAt(emojiText, start, start + 5);
    if (!result.ok) throw new Error("setup");
    expect(result.anchor.quotePrefix.isWellFormed()).toBe(true);
    expect(result.anchor.quoteSuffix.isWellFormed()).toBe(true);
    expect(result.anchor.quotePrefix.endsWith("🧪")).toBe(true);
    // 31 x + 2 code units of the emoji = 33 > 32: the emoji's first half is left out with it.
    expect(result.anchor.quotePrefix).toBe(`${"x".repeat(30)}🧪`);
  });

  it("shortens the context at the edges of the text", () => {
    const result = anchorAt(text, 0, 5);
    expect(result.ok && result.anchor.quotePrefix).toBe("");
  });

  it.each([
    [-1, 3],
    [5, 5],
    [7, 3],
    [0, text.length + 1],
    [1.5, 4],
  ])("refuses the range %s–%s", (start, end) => {
    const result = anchorAt(text, start, end);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("out_of_range");
  });
});

describe("verifyQuoteAt", () => {
  it("accepts a quote that is exactly the text at its offsets", () => {
    const start = text.indexOf("Reuters");
    expect(verifyQuoteAt(text, "Reuters", start, start + 7).ok).toBe(true);
  });

  it("refuses a quote that differs from the text at its offsets, saying what is there", () => {
    const start = text.indexOf("Reuters");
    const result = verifyQuoteAt(text, "Reutors", start, start + 7);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.kind).toBe("mismatch");
      expect(result.problem.message).toContain('reads "Reuters"');
    }
  });

  it("refuses a quote whose offsets are shifted by one", () => {
    const start = text.indexOf("Reuters");
    expect(verifyQuoteAt(text, "Reuters", start + 1, start + 8).ok).toBe(false);
  });
});

describe("findQuote", () => {
  it("finds a unique quote", () => {
    const result = findQuote(text, "Last one!");
    expect(result.ok && result.anchor.quoteStart).toBe(text.indexOf("Last one!"));
  });

  it("refuses an ambiguous quote unless told which occurrence", () => {
    const doubled = "the same words. the same words.";
    const ambiguous = findQuote(doubled, "the same words");
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) expect(ambiguous.problem.kind).toBe("ambiguous");
    const second = findQuote(doubled, "the same words", 2);
    expect(second.ok && second.anchor.quoteStart).toBe(16);
  });

  it("reports a quote that is not in the text", () => {
    const result = findQuote(text, "not there");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("not_found");
  });
});

describe("reanchor", () => {
  it("follows a quote that moved, using its context to choose between occurrences", () => {
    const original = "A said yes. B said yes. C said no.";
    const start = original.indexOf("yes", 10);
    const stored = anchorAt(original, start, start + 3);
    if (!stored.ok) throw new Error("setup");
    const edited = `Preface. ${original}`;
    const moved = reanchor(edited, stored.anchor);
    expect(moved?.quoteStart).toBe(edited.indexOf("B said yes") + "B said ".length);
  });

  it("returns null when the words are gone", () => {
    const stored = anchorAt(text, 0, 5);
    if (!stored.ok) throw new Error("setup");
    expect(reanchor("entirely different", stored.anchor)).toBeNull();
  });
});

describe("sentenceAround", () => {
  it("widens a quote to its sentence", () => {
    const start = text.indexOf("fake news");
    const sentence = sentenceAround(text, start, start + 9);
    expect(text.slice(sentence.start, sentence.end)).toBe("Peskov called it “fake news”, Reuters said.");
  });

  it("stops at a line break", () => {
    const start = text.indexOf("quote");
    const sentence = sentenceAround(text, start, start + 5);
    expect(text.slice(sentence.start, sentence.end)).toBe("New line quote.");
  });

  it("covers every sentence a long quote spans", () => {
    const start = text.indexOf("here");
    const end = text.indexOf("Reuters") + 7;
    const sentence = sentenceAround(text, start, end);
    expect(text.slice(sentence.start, sentence.end)).toBe("First sentence here. Peskov called it “fake news”, Reuters said.");
  });
});
