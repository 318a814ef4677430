import "server-only";
import { sql, list } from "@/lib/db/sql";
import type { SqlReader } from "@/lib/db/reader";
import { joinedGroup } from "@/lib/db/dialect";
import { anyWordMatches } from "@/lib/claims/search/full-text";
import { loadAliasTable } from "@/lib/claims/similar/aliases";
import { likeness } from "@/lib/claims/similar/score";
import { searchWords } from "@/lib/claims/similar/search-words";
import { contentWords } from "@/lib/claims/similar/words";

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
  const candidates = anyWordMatches(searchWords(words), CANDIDATES + (options.excludeClaimId === undefined ? 0 : 1));
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
    const claimWords = contentWords(row.text, aliases);
    for (const document of documents) {
      const result = likeness(words, document === row.text ? claimWords : contentWords(document, aliases), claimWords);
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
