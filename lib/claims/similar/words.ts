import { foldNumbers } from "@/lib/claims/similar/number-words";
import { STOP_WORDS } from "@/lib/claims/similar/stop-words";
import { canonicalKey } from "@/lib/claims/similar/synonyms";
import { baseKey } from "@/lib/claims/similar/stem";
import type { AliasTable } from "@/lib/claims/similar/aliases";

/**
 * A text as the matcher compares it: content words, each reduced to a key that survives
 * rewording. A key is the stem of lib/claims/similar/stem.ts ("killed" and "killing",
 * "Ukrainian" and "Ukraine" are one), folded by a few synonym groups ("soldiers",
 * "troops" are one), numbers as digits, known aliases of an actor replaced by the actor's name, stop words and single
 * letters (initials: "V. Putin" is "Putin") left out.
 */
export type WordKind = "number" | "name" | "word";
export type ContentWord = { key: string; surface: string; kind: WordKind };

/** How much a shared or missing word counts: what tells two near-identical claims apart is most often a number or a name. */
export const KIND_WEIGHT: Record<WordKind, number> = { number: 3, name: 2, word: 1 };

type Token = { lower: string; surface: string; capitalised: boolean };

export function contentWords(text: string, aliases: AliasTable): ContentWord[] {
  const tokens = joinCompounds(replaceAliases(tokenise(text), aliases));
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

/** Keys already computed: stemming is most of the matcher's time, and the vocabulary is small. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 100_000;

/** The key of one lower-cased word (no numbers, no stop words). */
export function wordKey(lower: string): string {
  let key = KEYS.get(lower);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = canonicalKey(baseKey(lower));
    KEYS.set(lower, key);
  }
  return key;
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

/** Words written both apart and together: "front line" is "frontline". */
const COMPOUNDS: ReadonlyMap<string, string> = new Map([["front line", "frontline"], ["front lines", "frontlines"]]);

function joinCompounds(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const next = tokens[index + 1];
    const joined = next ? COMPOUNDS.get(`${tokens[index]!.lower} ${next.lower}`) : undefined;
    if (joined && next) {
      out.push({ lower: joined, surface: `${tokens[index]!.surface} ${next.surface}`, capitalised: tokens[index]!.capitalised });
      index += 1;
    } else out.push(tokens[index]!);
  }
  return out;
}
