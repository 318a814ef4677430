import { KIND_WEIGHT, type ContentWord, type WordKind } from "@/lib/claims/similar/words";

/**
 * How alike two texts are, 0..1, from their content words (lib/claims/similar/words.ts):
 * the weighted Dice coefficient of the two sets of keys (numbers and names weigh more
 * than other words), halved for each kind of substitution: a number in each text that
 * the other lacks ("six" against "seven" soldiers), or a name in each that the other
 * lacks ("near Kursk" against "in Ukraine", "Russian" against "North Korean"). An added
 * name or number on one side only is a fuller wording of the same claim, not a
 * substitution. Word order plays no part. Measured against the labelled set in
 * tests/fixtures/similar-claims.json (docs/decisions/055).
 */
export const SUBSTITUTION_PENALTY = 0.5;

export type Likeness = { score: number; matched: string[] };

type Keyed = Map<string, { weight: number; kind: WordKind; surface: string }>;

/**
 * `document` is a claim's text or one of its quotes; `claim` is always the claim's text:
 * a substitution is judged against what the claim says, since a quote may leave out the
 * very number or place that makes the claim what it is.
 */
export function likeness(query: readonly ContentWord[], document: readonly ContentWord[], claim: readonly ContentWord[] = document): Likeness {
  const a = keyed(query);
  const b = keyed(document);
  const c = claim === document ? b : keyed(claim);
  if (a.size === 0 || b.size === 0) return { score: 0, matched: [] };
  let shared = 0;
  const matched: string[] = [];
  for (const [key, word] of a) {
    const other = b.get(key);
    if (!other) continue;
    shared += Math.max(word.weight, other.weight);
    matched.push(word.surface);
  }
  const total = weightOf(a) + weightOf(b);
  let score = (2 * shared) / total;
  for (const kind of ["number", "name"] as const) {
    if (substituted(a, c, kind)) score *= SUBSTITUTION_PENALTY;
  }
  return { score: Math.min(1, score), matched };
}

function keyed(words: readonly ContentWord[]): Keyed {
  const map: Keyed = new Map();
  for (const word of words) {
    const weight = KIND_WEIGHT[word.kind];
    const known = map.get(word.key);
    if (!known || known.weight < weight) map.set(word.key, { weight, kind: word.kind, surface: word.surface });
  }
  return map;
}

function weightOf(words: Keyed): number {
  let sum = 0;
  for (const word of words.values()) sum += word.weight;
  return sum;
}

function substituted(a: Keyed, b: Keyed, kind: WordKind): boolean {
  const onlyIn = (x: Keyed, y: Keyed) => [...x].some(([key, word]) => word.kind === kind && !y.has(key));
  return onlyIn(a, b) && onlyIn(b, a);
}
