/**
 * An approximate match can begin or end inside a word: "ntry has given" for a quote whose
 * first word is not in the article, "dly included" for one that only shares its second.
 * People quote whole words, so such a match is moved to word boundaries: the cut word is
 * completed when less of it is missing than is there (and only a few characters), and
 * left out otherwise (an edit at the end of a quote can take in the tail of the word
 * before it as easily as nothing).
 *
 * Works on folded text (typography-fold.ts), where every whitespace run is one space.
 */

/** Letters, digits and marks of scripts that put spaces between words (not Chinese, Japanese, Thai…). */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const isWordCharacter = (unit: string | undefined) => unit !== undefined && WORD_CHARACTER.test(unit) && !UNSPACED_SCRIPT.test(unit);

/** At most this many characters are added to complete a word. */
export const MAX_WORD_COMPLETION = 6;

/** [start, end) of `text` moved to word boundaries (unchanged where it already is on them). */
export function wholeWords(text: string, start: number, end: number): { start: number; end: number } {
  let wholeStart = start;
  if (isWordCharacter(text[start]) && isWordCharacter(text[start - 1])) {
    let wordStart = start;
    while (start - wordStart <= MAX_WORD_COMPLETION && isWordCharacter(text[wordStart - 1])) wordStart--;
    let wordEnd = start; // end of the cut word's part inside the range
    while (wordEnd < end && isWordCharacter(text[wordEnd])) wordEnd++;
    let nextWord = wordEnd;
    while (nextWord < end && text[nextWord] === " ") nextWord++;
    const missing = start - wordStart;
    const canComplete = missing <= MAX_WORD_COMPLETION;
    const canLeaveOut = nextWord < end;
    if (canComplete && (missing < wordEnd - start || !canLeaveOut)) wholeStart = wordStart;
    else if (canLeaveOut) wholeStart = nextWord;
  }
  let wholeEnd = end;
  if (isWordCharacter(text[end - 1]) && isWordCharacter(text[end])) {
    let wordEnd = end;
    while (wordEnd - end <= MAX_WORD_COMPLETION && isWordCharacter(text[wordEnd])) wordEnd++;
    let wordStart = end; // start of the cut word's part inside the range
    while (wordStart > wholeStart && isWordCharacter(text[wordStart - 1])) wordStart--;
    let previousWord = wordStart;
    while (previousWord > wholeStart && text[previousWord - 1] === " ") previousWord--;
    const missing = wordEnd - end;
    const canComplete = missing <= MAX_WORD_COMPLETION;
    const canLeaveOut = previousWord > wholeStart;
    if (canComplete && (missing < end - wordStart || !canLeaveOut)) wholeEnd = wordEnd;
    else if (canLeaveOut) wholeEnd = previousWord;
  }
  return { start: wholeStart, end: wholeEnd };
}
