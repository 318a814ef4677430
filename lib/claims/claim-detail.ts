import "server-only";
import { list, sql } from "@/lib/db/sql";
import { queryAll } from "@/lib/db/reader";
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

export async function getClaimDetail(id: number): Promise<ClaimDetail | null> {
  const [record] = await loadClaimRecords([id]);
  if (!record) return null;
  const sourceIds = [...new Set(record.attributions.map((a) => a.source.id))];
  const texts = new Map(
    sourceIds.length === 0
      ? []
      : (await queryAll<{ id: number; text: string }>(sql`SELECT "id", "text" FROM "Source" WHERE "id" IN ${list(sourceIds)}`)).map((row) => [row.id, row.text]),
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
}
