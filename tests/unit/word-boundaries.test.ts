import { describe, expect, it } from "vitest";
import { wholeWords } from "@/lib/sources/word-boundaries";

/** The words of `text` that wholeWords makes of text.slice(start, end). */
const widened = (text: string, start: number, end: number) => {
  const range = wholeWords(text, start, end);
  return text.slice(range.start, range.end);
};

describe("wholeWords", () => {
  const text = "the country has given moscow ballistic missiles";

  it("leaves a range that is already on word boundaries alone", () => {
    const start = text.indexOf("has");
    expect(widened(text, start, text.indexOf(" ballistic"))).toBe("has given moscow");
  });

  it("completes a word cut short by fewer characters than it keeps", () => {
    // "ntry" keeps 4 of "country", 3 are missing; "missi" keeps 5 of "missiles", 3 missing.
    expect(widened(text, text.indexOf("ntry"), text.indexOf("les"))).toBe("country has given moscow ballistic missiles");
  });

  it("leaves out a word of which less is kept than is missing", () => {
    // "try" keeps 3 of "country" (4 missing); "ba" keeps 2 of "ballistic" (7 missing).
    expect(widened(text, text.indexOf("try"), text.indexOf("llistic"))).toBe("has given moscow");
  });

  it("completes rather than leaves nothing", () => {
    const inside = text.indexOf("allist");
    expect(widened(text, inside, inside + 4)).toBe("ballistic");
  });

  it("works in Cyrillic and Korean, and leaves scripts without spaces alone", () => {
    const russian = "кремль отказался от комментариев";
    expect(widened(russian, russian.indexOf("емль"), russian.length)).toBe("кремль отказался от комментариев");
    expect(widened(russian, russian.indexOf("ль отказался"), russian.length)).toBe("отказался от комментариев");
    const korean = "북한군 병사들이 전선에서";
    expect(widened(korean, korean.indexOf("사들이"), korean.length)).toBe("병사들이 전선에서");
    const japanese = "条約の文言は明確だ";
    const inside = japanese.indexOf("言");
    expect(widened(japanese, inside, inside + 2)).toBe("言は");
  });
});
