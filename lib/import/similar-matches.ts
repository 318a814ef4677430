import "server-only";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { findSimilarClaims, SIMILAR_THRESHOLD } from "@/lib/claims/similar/find-similar";
import type { ImportPlan } from "@/lib/import/plan";

/** A claim the file would create, and the claims already tracked that are likely the same. */
export type ImportSimilarClaims = { line: number; text: string; matches: { id: number; text: string; topic: string; score: number }[] };

/**
 * How many would-be-new claims a check compares: the matcher takes a few milliseconds a
 * claim, and a file of thousands of new claims is a bulk load, not a batch to review by eye.
 */
export const MAX_COMPARED_NEW_CLAIMS = 200;

/**
 * For each claim the import would create (the first MAX_COMPARED_NEW_CLAIMS), its best
 * existing matches at or above the threshold (lib/claims/similar): the rows to look at
 * before importing, since they may be claims already tracked in other words.
 */
export async function similarClaimsOfPlan(plan: Pick<ImportPlan, "claims">, reader: SqlReader = sharedReader): Promise<ImportSimilarClaims[]> {
  const out: ImportSimilarClaims[] = [];
  for (const claim of plan.claims.filter((c) => !c.existing).slice(0, MAX_COMPARED_NEW_CLAIMS)) {
    const matches = (await findSimilarClaims(reader, claim.text, { limit: 3 })).filter((match) => match.score >= SIMILAR_THRESHOLD);
    if (matches.length > 0) out.push({ line: claim.firstLine, text: claim.text, matches: matches.map((m) => ({ id: m.id, text: m.text, topic: m.topic.label, score: m.score })) });
  }
  return out;
}
