import { keyVariants } from "@/lib/claims/similar/synonyms";
import type { ContentWord } from "@/lib/claims/similar/words";

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/**
 * The words the candidate search asks the full-text index for, one group per content word
 * of the text: its key as a prefix (keys are stems) and each synonym's; a number as digits,
 * up to twenty also as a word, and from 1,000 also its last three digits (the index splits
 * "5,534" into "5" and "534"), since the index holds the texts as written.
 */
export function searchWordGroups(words: readonly ContentWord[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    if (groups.has(word.key)) continue;
    if (word.kind === "number") {
      const group = [word.key];
      const spelled = DIGIT_WORDS[Number(word.key)];
      if (spelled) group.push(spelled);
      if (word.key.length >= 4) group.push(word.key.slice(-3));
      groups.set(word.key, group);
    } else {
      groups.set(word.key, keyVariants(word.key).map((variant) => `${variant}*`));
    }
  }
  return [...groups.values()];
}
