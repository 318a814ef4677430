/**
 * Words that reports about the war use interchangeably, each group folded to its first
 * word (as stems). Kept deliberately small and measured against the labelled set
 * (tests/fixtures/similar-claims.json): a group is here only because paraphrases in the
 * set needed it and no near miss is made a match by it.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["soldier", "troop", "servicemen", "servicemen", "serviceman", "offic", "personnel", "fighter", "forc"],
  ["kill", "die", "dead", "death", "slain", "lose", "lost", "perish"],
  ["missil", "rocket"],
  ["treati", "pact", "agreement", "accord", "deal"],
  ["suppli", "give", "gave", "given", "provid", "deliv", "deliver", "ship", "sent", "send", "transfer", "hand", "furnish"],
  ["attack", "strike", "struck", "hit", "bomb"],
  ["frontlin", "front"],
  ["ammunit", "munit", "shell"],
  ["sign", "conclud", "seal"],
  ["talk", "meet", "met", "summit"],
  ["wound", "injur"],
  ["rise", "rose", "increas", "grow", "grew", "climb"],
  ["fall", "fell", "drop", "declin"],
  ["cut", "reduc", "slash"],
  ["explain", "explan", "clarif", "clarifi"],
  ["destroi", "blew", "blow", "demolish"],
  ["road", "rout"],
  ["stop", "halt", "suspend", "end"],
  ["pictur", "imag", "photo"],
];

const CANONICAL: ReadonlyMap<string, string> = new Map(GROUPS.flatMap((group) => group.map((stem) => [stem, group[0]!] as const)));

/** The group's first stem for a stem in a group, the stem itself otherwise. */
export function canonicalStem(stem: string): string {
  return CANONICAL.get(stem) ?? stem;
}

/** Every stem of the group `stem` belongs to (itself alone when none): the words a candidate search asks for. */
export function stemVariants(stem: string): string[] {
  const canonical = CANONICAL.get(stem);
  if (canonical === undefined) return [stem];
  return GROUPS.find((group) => group[0] === canonical)!.filter((s, i, all) => all.indexOf(s) === i);
}
