/**
 * English function words that say nothing about which claim a sentence is: they are left
 * out of both the candidate search and the score, so "has been killed" and "were killed"
 * compare on "killed" alone. Reporting verbs are here too: "X said Y" and "Y" are the same
 * claim (who said it is an attribution, not part of the claim).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves already still yet ever even whether may might must shall
  said say says saying told tell tells claimed claims according reportedly report reports reported
  alleged allegedly stated states
  one's per via`.split(/\s+/u).filter(Boolean),
);
