import { describe, expect, it } from "vitest";
import { anchorAt, type QuoteAnchor } from "@/lib/sources/anchoring";
import { reanchorQuote } from "@/lib/sources/reanchor-quote";

const original =
  "Six North Korean troops have already been killed on the frontline in Ukraine, according to reports from Kyiv, " +
  "although Peskov has denounced those claims as “fake news”. Ukrainian president Volodymyr Zelenskyy also alleged " +
  "this week that North Korea had been sending personnel to join Russia’s ranks.";

/** The anchor a quote of `original` was stored with. */
function stored(words: string, occurrence = 1): QuoteAnchor {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = original.indexOf(words, start + 1);
  const anchored = anchorAt(original, start, start + words.length);
  if (!anchored.ok) throw new Error(anchored.problem.message);
  return anchored.anchor;
}

describe("reanchorQuote", () => {
  it("says unchanged when the words are where they were", () => {
    const quote = stored("fake news");
    const outcome = reanchorQuote(original, quote);
    expect(outcome).toMatchObject({ status: "unchanged", anchor: quote });
  });

  it("says unchanged, with the new context, when only the text after the quote changed", () => {
    const quote = stored("fake news");
    const edited = original.replace("Ukrainian president", "Ukraine’s president");
    const outcome = reanchorQuote(edited, quote);
    expect(outcome.status).toBe("unchanged");
    if (outcome.status !== "unchanged") return;
    expect(outcome.anchor).toMatchObject({ quote: "fake news", quoteStart: quote.quoteStart, quotePrefix: quote.quotePrefix });
    expect(outcome.anchor.quoteSuffix).toBe(edited.slice(quote.quoteEnd, quote.quoteEnd + 32));
    expect(outcome.anchor.quoteSuffix).not.toBe(quote.quoteSuffix);
  });

  it("says moved, with the new context, when the text just before the quote was rewritten", () => {
    const quote = stored("fake news");
    const edited = original.replace("although Peskov has denounced those claims as", "although Peskov’s office called those claims");
    const outcome = reanchorQuote(edited, quote);
    expect(outcome.status).toBe("moved");
    if (outcome.status !== "moved") return;
    expect(outcome.anchor.quote).toBe("fake news");
    expect(outcome.anchor.quoteStart).toBe(edited.indexOf("fake news"));
    expect(outcome.anchor.quotePrefix).toBe(edited.slice(outcome.anchor.quoteStart - 32, outcome.anchor.quoteStart));
  });

  it("says moved when text was added before the quote", () => {
    const quote = stored("sending personnel to join Russia’s ranks");
    const lead = "An update was published on Wednesday.\n\n";
    const outcome = reanchorQuote(lead + original, quote);
    expect(outcome).toMatchObject({ status: "moved", anchor: { quote: quote.quote, quoteStart: quote.quoteStart + lead.length } });
  });

  it("says changed, with the new text's words, when the quoted words were edited", () => {
    const quote = stored("sending personnel to join Russia’s ranks");
    const corrected = original.replace("sending personnel to join", "sending soldiers to join");
    const outcome = reanchorQuote(corrected, quote);
    expect(outcome).toMatchObject({ status: "changed", anchor: { quote: "sending soldiers to join Russia’s ranks" }, match: { kind: "approximate" } });
  });

  it("says changed when only the typography of the quoted words changed", () => {
    const quote = stored("Peskov has denounced those claims as “fake news”");
    const straight = original.replace("“fake news”", '"fake news"');
    const outcome = reanchorQuote(straight, quote);
    expect(outcome).toMatchObject({ status: "changed", anchor: { quote: 'Peskov has denounced those claims as "fake news"' }, match: { kind: "normalised" } });
  });

  it("says not placed when the passage is gone", () => {
    const quote = stored("although Peskov has denounced those claims as “fake news”");
    const withoutIt = original.replace(/, although Peskov[^.]*\./, ".");
    expect(reanchorQuote(withoutIt, quote)).toEqual({ status: "not_placed" });
    expect(reanchorQuote("", quote)).toEqual({ status: "not_placed" });
  });

  it("places a quote that had no place (its source had no text), or finds it changed", () => {
    const unanchored = { quote: "denounced those claims as “fake news”", quotePrefix: null, quoteSuffix: null, quoteStart: null, quoteEnd: null };
    expect(reanchorQuote(original, unanchored)).toMatchObject({ status: "placed", anchor: { quote: unanchored.quote, quoteStart: original.indexOf(unanchored.quote) } });
    const typed = { ...unanchored, quote: 'denounced those claims as "fake news"' };
    expect(reanchorQuote(original, typed)).toMatchObject({ status: "changed", anchor: { quote: unanchored.quote } });
    expect(reanchorQuote(original, { ...unanchored, quote: "Parliament approved the budget" })).toEqual({ status: "not_placed" });
  });

  it("follows its own occurrence of repeated words, by their context", () => {
    // "North Korea" occurs twice; the second is stored.
    const quote = stored("North Korea", 2);
    const lead = "North Korea denied everything. ";
    const outcome = reanchorQuote(lead + original, quote);
    expect(outcome).toMatchObject({ status: "moved", anchor: { quoteStart: quote.quoteStart + lead.length } });
  });
});
