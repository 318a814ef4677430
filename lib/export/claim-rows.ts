import { cell } from "@/lib/export/csv";
import { CLAIM_COLUMNS, LIST_SEPARATOR, VIA_SEPARATOR, type ClaimColumn } from "@/lib/export/columns";
import { chronological, distinct } from "@/lib/export/export-record";

type SourceRef = { id: number; title: string; outlet: string; url: string | null; publishedAt: string | null };

/**
 * What a claims.csv row is made from: the part of an ExportRecord the row uses, so the
 * export can load just that (lib/export/claim-csv-records.ts) and tests can pass a full
 * record.
 */
export type ClaimCsvRecord = {
  id: number;
  text: string;
  topic: { key: string };
  status: { key: string };
  contested: boolean;
  firstPublishedAt: string | null;
  updatedAt: string;
  annotationsCount: number;
  attributions: readonly { id: number; stance: string; actor: { name: string }; via: readonly { name: string }[]; source: SourceRef }[];
};

/**
 * One claims.csv row per claim (columns in CLAIM_COLUMNS order). Multi-valued cells list
 * distinct values in the order of the claim's attributions (chronological), joined by "; ".
 */
export function claimCsvRow(record: ClaimCsvRecord): string[] {
  const attributions = chronological(record.attributions);
  const names = (stance: string) => distinct(attributions.filter((a) => a.stance === stance).map((a) => a.actor.name));
  const others = distinct(attributions.filter((a) => a.stance !== "asserts" && a.stance !== "denies").map((a) => `${a.actor.name}: ${a.stance}`));
  const chains = distinct(attributions.filter((a) => a.via.length > 0).map((a) => a.via.map((v) => v.name).join(VIA_SEPARATOR)));
  const sources = distinctSources(attributions.map((a) => a.source));

  const values: Record<ClaimColumn, string> = {
    claim_id: String(record.id),
    claim: record.text,
    topic: record.topic.key,
    status: record.status.key,
    contested: cell.boolean(record.contested),
    asserted_by: names("asserts").join(LIST_SEPARATOR),
    denied_by: names("denies").join(LIST_SEPARATOR),
    other_stances: others.join(LIST_SEPARATOR),
    via: chains.join(LIST_SEPARATOR),
    sources: sources.map((s) => `${s.title} (${s.outlet})`).join(LIST_SEPARATOR),
    source_urls: sources.flatMap((s) => (s.url ? [s.url] : [])).join(LIST_SEPARATOR),
    first_published: cell.timestamp(record.firstPublishedAt),
    updated_at: cell.timestamp(record.updatedAt),
    annotations_count: String(record.annotationsCount),
  };
  return CLAIM_COLUMNS.map((column) => values[column]);
}

function distinctSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<number>();
  return sources.filter((source) => !seen.has(source.id) && seen.add(source.id));
}
