import { stemmer } from "stemmer";

/**
 * The key of one lower-cased word before synonyms: its Porter stem ("killed", "killing":
 * "kill") with the endings that turn a country into its adjective cut off, so "ukrainian"
 * and "ukraine", "korean" and "korea", "norlandic" and "norland" meet. Only stems long
 * enough to stay distinctive are cut. The cut also keeps keys prefixes of the words as
 * written ("supplied" stems to "suppli", cut to "suppl"), which the candidate search needs.
 */
export function baseKey(lower: string): string {
  const stem = stemmer(lower);
  const match = /^(.{4,}?)(ian|ean|an|ic|ish|ese|i|a|e)$/u.exec(stem);
  return match ? match[1]! : stem;
}
