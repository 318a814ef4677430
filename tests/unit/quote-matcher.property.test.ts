import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_SCORE, matchQuote, type QuoteMatch } from "@/lib/sources/quote-matcher";
import { splitsSurrogatePair, widenToCharacters } from "@/lib/sources/utf16";

/** What every match must be, whatever the text and the quote. */
function expectWellFormedMatch(text: string, match: QuoteMatch) {
  expect(match.exact).toBe(text.slice(match.start, match.end));
  expect(match.start).toBeGreaterThanOrEqual(0);
  expect(match.end).toBeLessThanOrEqual(text.length);
  expect(match.start).toBeLessThan(match.end);
  expect(splitsSurrogatePair(text, match.start)).toBe(false);
  expect(splitsSurrogatePair(text, match.end)).toBe(false);
  expect(match.score).toBeGreaterThanOrEqual(0);
  expect(match.score).toBeLessThanOrEqual(1);
  expect(["exact", "normalised", "approximate"]).toContain(match.kind);
}

/** Letters of several scripts, typographic marks and emoji: what articles are made of. */
const LETTERS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгдеёжзиклмнопрстуфхцчшщыэюяПКРЁ가나다라마바사아자차카타파하한국어"];
const MARKS = ["“", "”", "’", "—", "–", "…", ",", ".", "👍🏽", "🇺🇦", "🙂", "e\u0301"];
const letter = fc.constantFrom(...LETTERS);
const word = fc.oneof(
  { weight: 9, arbitrary: fc.array(letter, { minLength: 1, maxLength: 9 }).map((letters) => letters.join("")) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
);
const separator = fc.constantFrom(" ", " ", " ", " ", " ", "\n", "  ", "\n\n");

/** A text of words, and the index of its words. */
const article = fc
  .tuple(fc.array(word, { minLength: 12, maxLength: 120 }), fc.array(separator, { minLength: 120, maxLength: 120 }))
  .map(([words, separators]) => {
    let text = "";
    const starts: number[] = [];
    words.forEach((w, i) => {
      if (i > 0) text += separators[i]!;
      starts.push(text.length);
      text += w;
    });
    return { text, starts, ends: starts.map((start, i) => start + words[i]!.length) };
  });

/** An article and a run of whole words in it: [start, end). */
const articleWithPassage = (minWords: number, maxWords: number) =>
  article.chain((a) =>
    fc
      .tuple(fc.nat({ max: a.starts.length - minWords }), fc.integer({ min: minWords, max: maxWords }))
      .map(([first, count]) => ({ ...a, start: a.starts[first]!, end: a.ends[Math.min(a.starts.length, first + count) - 1]! })),
  );

/** One edit at a code point boundary of `quote`: a letter inserted, a code point deleted or replaced. */
const edit = fc.record({ kind: fc.constantFrom("insert", "delete", "replace"), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), letter });
function applyEdit(quote: string, { kind, at, letter: replacement }: { kind: string; at: number; letter: string }): string {
  const points = [...quote];
  const index = Math.floor(at * points.length);
  if (kind === "insert") points.splice(index, 0, replacement);
  else if (kind === "delete" && points.length > 1) points.splice(index, 1);
  else points[index] = points[index] === replacement ? "x" : replacement;
  return points.join("");
}

/** As people retype words: straight quotes and apostrophes, hyphens, spacing, capitals. */
function retype(quote: string, upperCase: boolean): string {
  const typed = quote.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/[—–]/g, "-").replace(/…/g, "...").replace(/\s+/g, "  ");
  return upperCase ? typed.toUpperCase() : typed;
}

describe("matchQuote, for any text and quote", () => {
  it("returns the text's own words on whole characters, or nothing", () => {
    const anyText = fc.string({ unit: "binary", maxLength: 300 });
    const sliceOf = (text: string) => fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b)));
    const textAndQuote = anyText.chain((text) => fc.tuple(fc.constant(text), fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), sliceOf(text))));
    fc.assert(
      fc.property(textAndQuote, ([text, quote]) => {
        const match = matchQuote(text, quote);
        if (match) {
          expectWellFormedMatch(text, match);
          expect(match.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds any passage of the text exactly, at its own place when given the place", () => {
    fc.assert(
      fc.property(
        article.chain((a) => fc.tuple(fc.constant(a.text), fc.nat({ max: a.text.length - 1 }), fc.integer({ min: 1, max: 80 }))),
        ([text, from, length]) => {
          const { start, end } = widenToCharacters(text, from, Math.min(text.length, from + length));
          const quote = text.slice(start, end);
          const match = matchQuote(text, quote, { hint: start });
          expect(match).toMatchObject({ kind: "exact", exact: quote, start, end });
        },
      ),
    );
  });
});

describe("matchQuote finds retyped and misspelt passages at their original place", () => {
  it("retyped (quotes, dashes, spacing, capitals): the exact original words", () => {
    fc.assert(
      fc.property(articleWithPassage(1, 12), fc.boolean(), ({ text, start, end }, upperCase) => {
        const typed = retype(text.slice(start, end), upperCase);
        // Retyped words that happen to stand in the text elsewhere as typed are an exact match there.
        fc.pre(!text.includes(typed));
        const match = matchQuote(text, typed, { hint: start });
        expect(match).not.toBeNull();
        expectWellFormedMatch(text, match!);
        expect({ start: match!.start, end: match!.end }).toEqual({ start, end });
      }),
    );
  });

  it("with a few edits: at the original place, give or take the edited characters", () => {
    fc.assert(
      fc.property(articleWithPassage(6, 14), fc.array(edit, { minLength: 1, maxLength: 2 }), ({ text, start, end }, edits) => {
        const original = text.slice(start, end);
        fc.pre([...original].length >= 30);
        const typed = edits.reduce(applyEdit, original);
        const match = matchQuote(text, typed, { hint: start });
        expect(match, `"${typed}" for "${original}"`).not.toBeNull();
        expectWellFormedMatch(text, match!);
        // An edit at either end can leave that character (two code units for an emoji) out
        // of the match, or take in as much of the text beside it, and a space.
        const slack = 2 * edits.length + 1;
        expect(Math.abs(match!.start - start), `"${match!.exact}" for "${original}"`).toBeLessThanOrEqual(slack);
        expect(Math.abs(match!.end - end), `"${match!.exact}" for "${original}"`).toBeLessThanOrEqual(slack);
      }),
    );
  });
});
