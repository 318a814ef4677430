import type { ClaimRecord } from "@/lib/claims/records";
import type { HistoryRecord, NoteRecord } from "@/lib/export/discussion-records";

/**
 * What claims.json holds per claim: the record /api/claims shows, plus its number of notes,
 * and its notes and history when `include` asks for them (lib/export/includes.ts).
 */
export type ExportRecord = ClaimRecord & { annotationsCount: number; notes?: NoteRecord[]; history?: HistoryRecord[] };

/** What a ClaimReview needs beyond the record: the rating and the verdict that set it. */
export type VerdictFacts = {
  ratingValue: number | null;
  /** The latest change to the claim's current status, if one was recorded. */
  latestChange: { rationale: string; createdAt: string } | null;
};

export type ReviewRecord = ExportRecord & { verdict: VerdictFacts };

/**
 * The attributions of a claim in the order the CSV files list them: by the source's
 * publication date (undated last), then in the order they were recorded. Both keys survive
 * an export → import round trip (an import records rows in file order), which is what
 * keeps a re-export byte-identical; source ids, which the API order uses, do not.
 */
export function chronological<A extends { id: number; source: { publishedAt: string | null } }>(attributions: readonly A[]): A[] {
  return [...attributions].sort((a, b) => {
    const pa = a.source.publishedAt;
    const pb = b.source.publishedAt;
    if (pa !== pb) {
      if (pa === null) return 1;
      if (pb === null) return -1;
      return pa < pb ? -1 : 1;
    }
    return a.id - b.id;
  });
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
