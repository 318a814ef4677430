import { keyVariants } from "@/lib/claims/similar/synonyms";
import type { ContentWord } from "@/lib/claims/similar/words";

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/**
 * The words the candidate search asks the full-text index for: every key as a prefix
 * (keys are stems), each synonym of it, and a number both as digits and, up to twenty, as
 * a word, since the index holds the texts as written.
 */
export function searchWords(words: readonly ContentWord[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    if (word.kind === "number") {
      out.add(word.key);
      const spelled = DIGIT_WORDS[Number(word.key)];
      if (spelled) out.add(spelled);
    } else {
      for (const variant of keyVariants(word.key)) out.add(`${variant}*`);
    }
  }
  return [...out];
}
