import { describe, expect, it } from "vitest";
import { foldTypography, originalRange, wholeCharacters } from "@/lib/sources/typography-fold";

describe("foldTypography", () => {
  it.each([
    ["curly quotes and apostrophes", "the treaty’s wording was “quite unambiguous”", `the treaty's wording was "quite unambiguous"`],
    ["guillemets, low and angle quotes", "«нет» „ja“ ‹oui›", `"нет" "ja" 'oui'`],
    ["dashes and the minus sign", "10–12 — a − b", "10-12 - a - b"],
    ["runs of whitespace, line breaks, no-break and thin spaces", "a  b\r\n\tc\u00a0d\u2009e", "a b c d e"],
    ["capitals, Latin and Cyrillic", "PESKOV Песков", "peskov песков"],
    ["an ellipsis and a ligature", "ﬁnal…", "final..."],
    ["a soft hyphen and a zero-width space", "frag\u00admen\u200bted", "fragmented"],
    ["decomposed accents, composed", "re\u0301ponse", "réponse"],
  ])("folds %s", (_, text, folded) => {
    expect(foldTypography(text).text).toBe(folded);
  });

  it("leaves Korean and emoji as they are", () => {
    const text = "상당히 명확하다 👍🏽 👩‍🔬 🇺🇦";
    expect(foldTypography(text).text).toBe(text);
  });

  it("maps every folded range back to whole characters of the original", () => {
    const text = "He said:  “Ça va…”\n👍🏽 done";
    const folded = foldTypography(text);
    expect(folded.text).toBe(`he said: "ça va..." 👍🏽 done`);
    const range = (words: string) => {
      const at = folded.text.indexOf(words);
      return originalRange(folded, at, at + words.length);
    };
    const slice = ({ start, end }: { start: number; end: number }) => text.slice(start, end);
    expect(slice(range(`said: "ça`))).toBe("said:  “Ça");
    // Part of the expanded ellipsis stands for all of it.
    expect(slice(range("va."))).toBe("va…");
    // Half of an emoji's folded units stands for the whole emoji with its skin tone.
    const emoji = folded.text.indexOf("👍");
    expect(slice(originalRange(folded, emoji, emoji + 1))).toBe("👍🏽");
    expect(slice(range(`" 👍🏽 d`))).toBe("”\n👍🏽 d");
  });

  it("moves a range that cuts a character to its edges: in when mostly inside, out otherwise", () => {
    const text = "ok 👍🏽 fine… done";
    const folded = foldTypography(text); // "ok 👍🏽 fine... done": the emoji is 4 units, the ellipsis 3
    const emoji = folded.text.indexOf("👍");
    const dots = folded.text.indexOf("...");
    const words = (range: { start: number; end: number }) => {
      const whole = wholeCharacters(folded, range.start, range.end);
      const { start, end } = originalRange(folded, whole.start, whole.end);
      return text.slice(start, end);
    };
    expect(words({ start: emoji + 1, end: dots + 2 })).toBe("👍🏽 fine…"); // 3 of 4 units, 2 of 3 dots
    expect(words({ start: emoji + 2, end: dots + 1 })).toBe(" fine"); // 2 of 4 units, 1 of 3 dots
    expect(words({ start: 0, end: folded.text.length })).toBe(text);
  });

  it("refuses a range outside the folded text", () => {
    const folded = foldTypography("abc");
    expect(() => originalRange(folded, 2, 2)).toThrow(RangeError);
    expect(() => originalRange(folded, 0, 4)).toThrow(RangeError);
  });
});
