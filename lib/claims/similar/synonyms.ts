import { baseKey } from "@/lib/claims/similar/stem";

/**
 * Words that reports about the war use interchangeably, each group folded to its first
 * word's key. Kept deliberately small and measured against the labelled set
 * (tests/fixtures/similar-claims.json, docs/decisions/055): a group is here because
 * paraphrases needed it, and none may turn a near miss of the set into a match.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["soldier", "troop", "serviceman", "servicemen", "officer", "personnel", "fighter", "force"],
  ["kill", "killed", "die", "died", "dead", "death", "slain", "lose", "lost", "perish"],
  ["missile", "rocket"],
  ["treaty", "pact", "agreement", "accord", "deal"],
  ["supply", "supplied", "give", "gave", "given", "provide", "deliver", "ship", "sent", "send", "transfer", "furnish"],
  ["attack", "strike", "struck", "hit", "bomb"],
  ["frontline", "front"],
  ["ammunition", "munition", "shell"],
  ["sign", "conclude", "seal"],
  ["talk", "meet", "met", "summit"],
  ["wound", "injure", "injury"],
  ["rise", "rose", "increase", "grow", "grew", "climb"],
  ["fall", "fell", "drop", "decline"],
  ["cut", "reduce", "slash"],
  ["explanation", "explain", "clarify", "clarification"],
  ["destroy", "blew", "blow", "demolish"],
  ["law", "legislation"],
  ["section", "part"],
  ["link", "connect"],
];

const KEYED: readonly string[][] = GROUPS.map((group) => [...new Set(group.map(baseKey))]);
const CANONICAL: ReadonlyMap<string, string> = new Map(KEYED.flatMap((group) => group.map((key) => [key, group[0]!] as const)));

/** The group's first key for a key in a group, the key itself otherwise. */
export function canonicalKey(key: string): string {
  return CANONICAL.get(key) ?? key;
}

/** Every key of the group `key` is in (itself alone when none): what the candidate search asks for. */
export function keyVariants(key: string): string[] {
  const canonical = CANONICAL.get(key);
  return canonical === undefined ? [key] : KEYED.find((group) => group[0] === canonical)!;
}
