import "server-only";
import { list, sql } from "@/lib/db/sql";
import { cache } from "react";
import { sharedReader, type SqlReader } from "@/lib/db/reader";
import { loadClaimRecords, type AttributionRecord, type ClaimRecord } from "@/lib/claims/records";
import { sentenceAround, verifyQuoteAt } from "@/lib/sources/anchoring";

/** A quote in its sentence: the words before, the quote itself, the words after. */
export type QuoteInContext = { before: string; quote: string; after: string };

export type AttributionDetail = AttributionRecord & {
  /** null when the source has no stored text or the quote no longer matches it. */
  context: QuoteInContext | null;
  anchored: boolean;
};

export type ClaimDetail = Omit<ClaimRecord, "attributions"> & { attributions: AttributionDetail[] };

/**
 * A claim with each quote in its sentence. Cached per request (React's `cache`): the claim
 * page asks for it twice, once for its metadata and once for its body.
 */
export const getClaimDetail = cache(async function getClaimDetail(id: number, db: SqlReader = sharedReader): Promise<ClaimDetail | null> {
  const [record] = await loadClaimRecords([id], db);
  if (!record) return null;
  const sourceIds = [...new Set(record.attributions.map((a) => a.source.id))];
  const texts = new Map(
    sourceIds.length === 0
      ? []
      : (await db.all<{ id: number; text: string }>(sql`SELECT "id", "text" FROM "Source" WHERE "id" IN ${list(sourceIds)}`)).map((row) => [row.id, row.text]),
  );
  return {
    ...record,
    attributions: record.attributions.map((attribution) => {
      const text = texts.get(attribution.source.id) ?? "";
      const { start, end, exact } = attribution.quote;
      const check = start !== null && end !== null ? verifyQuoteAt(text, exact, start, end) : null;
      if (!check?.ok || start === null || end === null) return { ...attribution, context: null, anchored: false };
      const sentence = sentenceAround(text, start, end);
      return {
        ...attribution,
        anchored: true,
        context: { before: text.slice(sentence.start, start), quote: exact, after: text.slice(end, sentence.end) },
      };
    }),
  };
});
