/**
 * Numbers written as words become digits ("six" and "6" are one word to the matcher,
 * "two hundred" is 200), and digit groups lose their separators ("1,000" is 1000): a
 * paraphrase often spells a number differently, and a different number is what most
 * often separates two otherwise identical claims.
 */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

export function isNumberWord(word: string): boolean {
  return word in UNITS || word in SCALES;
}

/**
 * Runs of number words (and digits followed by a scale: "3 million") in lower-cased words,
 * replaced by the digits of their value, with how many words each took; other words pass
 * through. "and" inside a run
 * ("two hundred and five") belongs to it.
 */
export function foldNumbers(words: readonly string[]): { word: string; span: number; isNumber: boolean }[] {
  const out: { word: string; span: number; isNumber: boolean }[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    if (/^\d+$/u.test(word)) {
      // "3 million": digits times the scale words after them.
      const start = index;
      let value = Number(word);
      index += 1;
      while (index < words.length && words[index]! in SCALES) value *= SCALES[words[index++]!]!;
      out.push({ word: String(value), span: index - start, isNumber: true });
    } else if (word in UNITS) {
      const start = index;
      let total = 0;
      let current = 0;
      while (index < words.length) {
        const next = words[index]!;
        if (next in UNITS) current += UNITS[next]!;
        else if (next in SCALES) {
          const scale = SCALES[next]!;
          if (scale === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * scale;
            current = 0;
          }
        } else if (!(next === "and" && words[index + 1] !== undefined && words[index + 1]! in UNITS)) break;
        index += 1;
      }
      out.push({ word: String(total + current), span: index - start, isNumber: true });
    } else {
      out.push({ word, span: 1, isNumber: false });
      index += 1;
    }
  }
  return out;
}
