import { stemmer } from "stemmer";
import { foldNumbers } from "@/lib/claims/similar/number-words";
import { STOP_WORDS } from "@/lib/claims/similar/stop-words";
import { canonicalStem } from "@/lib/claims/similar/synonyms";
import type { AliasTable } from "@/lib/claims/similar/aliases";

/**
 * A text as the matcher compares it: content words, each reduced to a key that survives
 * rewording. A key is the Porter stem ("killed" and "killing" are "kill"), folded by a
 * few synonym groups ("soldiers", "troops" are one), with the endings that turn a
 * country into its adjective cut off ("Ukrainian" and "Ukraine" are one), numbers as
 * digits, known aliases of an actor replaced by the actor's name, stop words and single
 * letters (initials: "V. Putin" is "Putin") left out.
 */
export type WordKind = "number" | "name" | "word";
export type ContentWord = { key: string; surface: string; kind: WordKind };

/** How much a shared or missing word counts: what tells two near-identical claims apart is most often a number or a name. */
export const KIND_WEIGHT: Record<WordKind, number> = { number: 3, name: 2, word: 1 };

type Token = { lower: string; surface: string; capitalised: boolean };

export function contentWords(text: string, aliases: AliasTable): ContentWord[] {
  const tokens = replaceAliases(tokenise(text), aliases);
  const words: ContentWord[] = [];
  let tokenIndex = 0;
  for (const { word, span, isNumber } of foldNumbers(tokens.map((token) => token.lower))) {
    const run = tokens.slice(tokenIndex, tokenIndex + span);
    tokenIndex += span;
    const surface = run.map((token) => token.surface).join(" ");
    if (isNumber) words.push({ key: word, surface, kind: "number" });
    else if (!STOP_WORDS.has(word) && word.length >= 2) words.push({ key: wordKey(word), surface, kind: run[0]!.capitalised ? "name" : "word" });
  }
  return words;
}

/** The key of one lower-cased word (no numbers, no stop words). */
export function wordKey(lower: string): string {
  return canonicalStem(foldCountryAdjective(stemmer(lower)));
}

/**
 * "ukrainian" → "ukrain" as "ukraine" is stemmed; "korean"/"korea", "russian"/"russia",
 * "norlandic"/"norland". Only stems long enough to stay distinctive are cut.
 */
function foldCountryAdjective(stem: string): string {
  const match = /^(.{4,}?)(ian|ean|an|ic|ish|ese|i|a|e)$/u.exec(stem);
  return match ? match[1]! : stem;
}

function tokenise(text: string): Token[] {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    // "1,000" and "1.000" are 1000; a decimal point stays a separator.
    .replace(/(\d)[,.\u00a0\u202f'](?=\d{3}(?!\d))/gu, "$1");
  const tokens: Token[] = [];
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    const surface = match[0];
    tokens.push({ lower: surface.toLocaleLowerCase("und"), surface, capitalised: /^\p{Lu}/u.test(surface) });
  }
  return tokens;
}

function replaceAliases(tokens: Token[], aliases: AliasTable): Token[] {
  if (aliases.size === 0) return tokens;
  const out: Token[] = [];
  let index = 0;
  outer: while (index < tokens.length) {
    const candidates = aliases.get(tokens[index]!.lower);
    for (const alias of candidates ?? []) {
      if (alias.from.every((word, offset) => tokens[index + offset]?.lower === word)) {
        for (const word of alias.to) out.push({ lower: word, surface: word, capitalised: true });
        index += alias.from.length;
        continue outer;
      }
    }
    out.push(tokens[index]!);
    index += 1;
  }
  return out;
}

/** The tokens the alias table is keyed on: the same folding as the texts. */
export function aliasTokens(text: string): string[] {
  return tokenise(text).map((token) => token.lower);
}
