import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchQuote, type QuoteMatch } from "@/lib/sources/quote-matcher";

const seedArticle = readFileSync(path.join(import.meta.dirname, "../../prisma/seed-data/seed-article.txt"), "utf8");

/** Every match, whatever else a test checks: the article's own words, on whole characters. */
function expectArticleWords(text: string, match: QuoteMatch | null): asserts match is QuoteMatch {
  expect(match).not.toBeNull();
  const { exact, start, end } = match!;
  expect(exact).toBe(text.slice(start, end));
  expect(exact.isWellFormed()).toBe(true);
  expect(start).toBeLessThan(end);
}

describe("matchQuote on the seed article, as people type quotes", () => {
  const meant = "the treaty’s wording was “quite unambiguous”";
  const meantAt = seedArticle.indexOf(meant);

  it("finds the article's words exactly when they are given exactly", () => {
    expect(matchQuote(seedArticle, meant)).toEqual({ exact: meant, start: meantAt, end: meantAt + meant.length, score: 1, kind: "exact" });
  });

  it.each([
    ["straight quotes and apostrophe", `the treaty's wording was "quite unambiguous"`],
    ["a doubled space", "the treaty’s wording  was “quite unambiguous”"],
    ["a line break and a tab", "the treaty’s wording\nwas\t“quite unambiguous”"],
    ["capitals", "The Treaty’s Wording was “QUITE unambiguous”"],
    ["guillemets and a typewriter apostrophe", "the treaty`s wording was «quite unambiguous»"],
    ["spaces around the quote", "  the treaty's wording was \"quite unambiguous\" "],
  ])("finds them through %s, returning the article's curly-quoted words", (_, typed) => {
    const match = matchQuote(seedArticle, typed);
    expectArticleWords(seedArticle, match);
    expect(match).toMatchObject({ exact: meant, start: meantAt, kind: "normalised" });
    expect(match.score).toBeLessThan(1);
    expect(match.score).toBeGreaterThan(0.95);
  });

  it("finds them through straight quotes and a typo, as an approximate match", () => {
    const match = matchQuote(seedArticle, `the treaty's wording was "quite unambigous"`);
    expectArticleWords(seedArticle, match);
    expect(match).toMatchObject({ exact: meant, start: meantAt, kind: "approximate" });
    expect(match.score).toBeGreaterThan(0.9);
  });

  it("ranks exact above normalised above approximate", () => {
    const scores = [meant, `the treaty's wording was "quite unambiguous"`, `the treaty's wording was "quite unambigous"`].map(
      (quote) => matchQuote(seedArticle, quote)!.score,
    );
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
  });

  it("finds a hyphen typed for an en dash, and three dots for an ellipsis", () => {
    const text = "Talks ran 10–12 June… then stopped.";
    expect(matchQuote(text, "10-12 June...")).toMatchObject({ exact: "10–12 June…", kind: "normalised" });
  });

  it("finds a passage with a missing word and a misspelt one", () => {
    const match = matchQuote(seedArticle, "The US claims the country has given Moscow missiles and amunition");
    expectArticleWords(seedArticle, match);
    expect(match).toMatchObject({ exact: "The US claims the country has given Moscow ballistic missiles and ammunition", kind: "approximate" });
  });

  it("returns whole words when the quote's first words are not the article's", () => {
    // "North Korea gave" is not in the article; "country has given" is. No "ntry has given".
    const match = matchQuote(seedArticle, "the North Korea has given Moscow ballistic missiles and ammunition", { minScore: 0.6 });
    expectArticleWords(seedArticle, match);
    expect(match.exact).toMatch(/^(the )?country has given Moscow ballistic missiles and ammunition$/);
  });

  it("finds nothing for words the article does not hold", () => {
    for (const unrelated of [
      "The quick brown fox jumps over the lazy dog",
      "Parliament approved the budget after a long night of debate",
      "zebra crossing",
      "quiz",
    ]) {
      expect(matchQuote(seedArticle, unrelated), unrelated).toBeNull();
    }
  });

  it("finds nothing for a quote of nothing but whitespace", () => {
    expect(matchQuote(seedArticle, "   \n\t ")).toBeNull();
  });

  it("prefers an exact occurrence to an earlier one that differs in typography", () => {
    const text = `She said “no”. Later she said "no" again.`;
    expect(matchQuote(text, `said "no"`)).toMatchObject({ kind: "exact", start: text.indexOf(`said "no"`) });
  });

  it("prefers the edited passage whose context matches to an exact occurrence elsewhere", () => {
    // Re-anchoring: the stored quote was edited in place ("fake news" → "fake-news");
    // the same two words also occur elsewhere, in other surroundings.
    const text = "Officials called it fake news at first. Later Peskov denounced those claims as fake-news, Reuters said.";
    const match = matchQuote(text, "fake news", { prefix: "denounced those claims as ", suffix: ", Reuters said." });
    expect(match).toMatchObject({ exact: "fake-news", start: text.indexOf("fake-news"), kind: "approximate" });
    // Given alone, the words are found where they occur exactly.
    expect(matchQuote(text, "fake news")).toMatchObject({ exact: "fake news", start: text.indexOf("fake news"), kind: "exact" });
  });

  it("honours minScore", () => {
    const typed = "the treaty wording was quite ambiguous";
    const lenient = matchQuote(seedArticle, typed, { minScore: 0.5 });
    expectArticleWords(seedArticle, lenient);
    expect(matchQuote(seedArticle, typed, { minScore: lenient.score + 0.01 })).toBeNull();
  });
});

describe("matchQuote across scripts", () => {
  it("Cyrillic: guillemets, capitals, ё and a typo", () => {
    const text = "Песков заявил, что формулировки договора «вполне однозначны».\nКремль отказался от комментариев.";
    const normalised = matchQuote(text, 'формулировки договора "Вполне однозначны"');
    expect(normalised).toMatchObject({ exact: "формулировки договора «вполне однозначны»", kind: "normalised" });
    const approximate = matchQuote(text, "Кремль отказалсы от коментариев");
    expectArticleWords(text, approximate);
    expect(approximate).toMatchObject({ exact: "Кремль отказался от комментариев", kind: "approximate" });
  });

  it("Korean: spacing and a wrong syllable", () => {
    const text = "크렘린 대변인은 조약의 문구가 \"상당히 명확하다\"고 말했다. 북한군 병사들이 전선에서 사망했다는 보도도 있었다.";
    expect(matchQuote(text, "조약의  문구가 “상당히 명확하다”")).toMatchObject({ exact: '조약의 문구가 "상당히 명확하다"', kind: "normalised" });
    const approximate = matchQuote(text, "북한군 병사들이 전선에서 사망했다는 보도가 있었다");
    expectArticleWords(text, approximate);
    expect(approximate).toMatchObject({ exact: "북한군 병사들이 전선에서 사망했다는 보도도 있었다", kind: "approximate" });
  });

  it("composed and decomposed accents are the same letters", () => {
    const decomposed = "Le ministre a parle\u0301 d’une re\u0301ponse ferme.";
    const match = matchQuote(decomposed, "parlé d'une réponse");
    expect(match).toMatchObject({ exact: "parle\u0301 d’une re\u0301ponse", kind: "normalised" });
  });
});

describe("matchQuote with emoji", () => {
  const text = "Reactions poured in 👍🏽 within minutes; one post read “we are 🇺🇦 all the way” 🙌 and was shared widely. The lab 👩‍🔬 replied.";

  it("finds a quote holding emoji, and never cuts one in half", () => {
    const match = matchQuote(text, `one post read "we are 🇺🇦 all the way"`);
    expectArticleWords(text, match);
    expect(match).toMatchObject({ exact: "one post read “we are 🇺🇦 all the way”", kind: "normalised" });
  });

  it("finds a quote that left out the emoji, or mistyped next to one", () => {
    const without = matchQuote(text, "one post read “we are all the way”");
    expectArticleWords(text, without);
    expect(without.exact).toBe("one post read “we are 🇺🇦 all the way”");
    const typo = matchQuote(text, "poured im 👍🏽 within minuts");
    expectArticleWords(text, typo);
    expect(typo.exact).toBe("poured in 👍🏽 within minutes");
  });

  it("takes in a whole emoji sequence (skin tone, joined, flag) when a match reaches into one", () => {
    for (const quote of ["Reactions poured in 👍 within", "The lab 👩 replied", "we are 🇺 all"]) {
      const match = matchQuote(text, quote);
      expectArticleWords(text, match);
      // The match boundaries fall outside, never inside, each emoji sequence of the text.
      for (const sequence of ["👍🏽", "👩‍🔬", "🇺🇦"]) {
        const at = text.indexOf(sequence);
        const cut = (offset: number) => offset > at && offset < at + sequence.length;
        expect(cut(match.start) || cut(match.end), `${quote} → ${match.exact}`).toBe(false);
      }
    }
  });
});

describe("matchQuote across line breaks", () => {
  const text = "The treaty says it all:\narticle three, article four.\r\n\r\nThe treaty is signed, so it is public.";

  it("finds a one-line quote of words that span a line break, returning the break", () => {
    const match = matchQuote(text, "article four. The treaty is signed");
    expect(match).toMatchObject({ exact: "article four.\r\n\r\nThe treaty is signed", kind: "normalised" });
  });

  it("finds the words with a typo across the break", () => {
    const match = matchQuote(text, "it all: article tree, article four");
    expectArticleWords(text, match);
    expect(match).toMatchObject({ exact: "it all:\narticle three, article four", kind: "approximate" });
  });
});
