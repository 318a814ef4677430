import "server-only";
import { sharedReader } from "@/lib/db/reader";
import { findSimilarClaims, SIMILAR_THRESHOLD, type SimilarClaim } from "@/lib/claims/similar/find-similar";

export type SimilarAnswer = { threshold: number; items: (SimilarClaim & { likely: boolean })[] };

/** What the similar-claims routes answer: the ranked claims, each flagged likely at or above the threshold. */
export async function similarAnswer(text: string, limit: number, excludeClaimId?: number): Promise<SimilarAnswer> {
  const items = await findSimilarClaims(sharedReader, text, { limit, excludeClaimId });
  return { threshold: SIMILAR_THRESHOLD, items: items.map((item) => ({ ...item, likely: item.score >= SIMILAR_THRESHOLD })) };
}
