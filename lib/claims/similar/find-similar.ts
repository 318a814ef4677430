import "server-only";
import { sql, list } from "@/lib/db/sql";
import type { SqlReader } from "@/lib/db/reader";
import { joinedGroup } from "@/lib/db/dialect";
import { anyWordMatches, wordDocumentCounts } from "@/lib/claims/search/full-text";
import { loadAliasTable } from "@/lib/claims/similar/aliases";
import { likeness } from "@/lib/claims/similar/score";
import { searchWordGroups } from "@/lib/claims/similar/search-words";
import { contentWords, type ContentWord } from "@/lib/claims/similar/words";
import type { AliasTable } from "@/lib/claims/similar/alias-table";

export type SimilarClaim = {
  id: number;
  text: string;
  topic: { key: string; label: string };
  /** 0..1; at or above SIMILAR_THRESHOLD the claim is shown as a likely match. */
  score: number;
  /** The words of the given text found in the claim or one of its quotes, as written in the text. */
  matchedWords: string[];
};

/**
 * The score from which a claim is offered as "possibly the same claim": chosen on the
 * labelled set (tests/fixtures/similar-claims.json) for precision and top-3 recall both
 * at least 0.9; docs/decisions/055.
 */
export const SIMILAR_THRESHOLD = 0.79;

/** How many claims the full-text index hands to the re-ranking: enough for the true match to be among them. */
const CANDIDATES = 60;

/** Separates the quotes in the aggregate: a control character, which stored text never holds (lib/text/control-characters.ts). */
const QUOTES_SEPARATOR = "\u001f";

/**
 * Existing claims most like `text`, best first: candidates from the full-text index
 * (claim texts and their attributions' quotes, every topic), re-ranked by `likeness` on
 * the claim text and on each quote, the better of the two counting.
 */
export async function findSimilarClaims(
  reader: SqlReader,
  text: string,
  options: { limit: number; excludeClaimId?: number },
): Promise<SimilarClaim[]> {
  const aliases = await loadAliasTable(reader);
  const words = contentWords(text, aliases);
  const candidates = anyWordMatches(await rarestWords(reader, searchWordGroups(words)), CANDIDATES + (options.excludeClaimId === undefined ? 0 : 1));
  if (!candidates) return [];
  const ids = (await reader.all<{ claimId: number }>(candidates)).map((row) => row.claimId).filter((id) => id !== options.excludeClaimId);
  if (ids.length === 0) return [];
  const rows = await reader.all<{ id: number; text: string; topicKey: string; topicLabel: string; quotes: string | null }>(sql`
    SELECT c."id" AS "id", c."text" AS "text", t."key" AS "topicKey", t."label" AS "topicLabel",
           (SELECT ${joinedGroup(sql`a."quote"`, QUOTES_SEPARATOR)} FROM "Attribution" a WHERE a."claimId" = c."id") AS "quotes"
    FROM "Claim" c JOIN "Topic" t ON t."id" = c."topicId"
    WHERE c."id" IN ${list(ids)}`);
  const scored = rows.map((row) => {
    const documents = [row.text, ...(row.quotes ? row.quotes.split(QUOTES_SEPARATOR) : [])];
    let best = { score: 0, matched: [] as string[] };
    const claimWords = analysed(row.text, aliases);
    for (const document of documents) {
      const result = likeness(words, analysed(document, aliases), claimWords);
      if (result.score > best.score) best = result;
    }
    return {
      id: row.id,
      text: row.text,
      topic: { key: row.topicKey, label: row.topicLabel },
      score: Math.round(best.score * 1000) / 1000,
      matchedWords: best.matched,
    };
  });
  return scored
    .filter((claim) => claim.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, options.limit);
}

/**
 * How many document matches the candidate search may walk: its time grows with the
 * documents its words are in, and a word in a tenth of all claims ("killed", "2023") says
 * little about which claim a text is. Measured at 100k claims (docs/performance.md).
 */
const MATCH_BUDGET = 5000;
/** The rarest words are always asked for, however common: a text of common words still gets candidates. */
const MIN_WORDS = 3;

/**
 * The search words worth asking the full-text index for: the groups (a content word with
 * its synonyms) whose words are rarest, as long as their document counts stay within
 * MATCH_BUDGET (and at least MIN_WORDS groups). Words no document holds are left out.
 * Every group where the database cannot count (PostgreSQL).
 */
async function rarestWords(reader: SqlReader, groups: string[][]): Promise<string[]> {
  const counts = wordDocumentCounts(groups.flat());
  if (!counts) return groups.flat();
  const docs = new Map((await reader.all<{ word: string; docs: number }>(counts)).map((row) => [row.word, Number(row.docs)]));
  const weighed = groups
    .map((group) => ({ words: group.filter((word) => (docs.get(word) ?? 0) > 0), total: group.reduce((sum, word) => sum + (docs.get(word) ?? 0), 0) }))
    .filter((group) => group.words.length > 0)
    .sort((a, b) => a.total - b.total);
  const chosen: string[] = [];
  let total = 0;
  let taken = 0;
  for (const group of weighed) {
    if (taken >= MIN_WORDS && total + group.total > MATCH_BUDGET) break;
    chosen.push(...group.words);
    total += group.total;
    taken += 1;
  }
  return chosen;
}

/**
 * Stored texts as content words, kept per alias table (a new table, after any write that
 * changed the aliases, starts afresh): the same claims and quotes are candidates again and
 * again, and analysing them is most of a request's time.
 */
const analysedTexts = new WeakMap<AliasTable, Map<string, ContentWord[]>>();
const MAX_ANALYSED = 50_000;

function analysed(text: string, aliases: AliasTable): ContentWord[] {
  let texts = analysedTexts.get(aliases);
  if (!texts) {
    texts = new Map();
    analysedTexts.set(aliases, texts);
  }
  let words = texts.get(text);
  if (!words) {
    if (texts.size >= MAX_ANALYSED) texts.clear();
    words = contentWords(text, aliases);
    texts.set(text, words);
  }
  return words;
}
