import { cell } from "@/lib/export/csv";
import { CLAIM_COLUMNS, LIST_SEPARATOR, VIA_SEPARATOR, type ClaimColumn } from "@/lib/export/columns";
import { chronological } from "@/lib/export/export-record";

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
 * One pass over the attributions: the export writes this row for every claim, and the
 * filter-and-map chains it replaced made a quarter of the export's garbage.
 */
export function claimCsvRow(record: ClaimCsvRecord): string[] {
  const asserted = new Set<string>();
  const denied = new Set<string>();
  const others = new Set<string>();
  const chains = new Set<string>();
  const sourceIds = new Set<number>();
  const sources: string[] = [];
  const urls: string[] = [];
  for (const attribution of chronological(record.attributions)) {
    const { stance, actor, via, source } = attribution;
    if (stance === "asserts") asserted.add(actor.name);
    else if (stance === "denies") denied.add(actor.name);
    else others.add(`${actor.name}: ${stance}`);
    if (via.length > 0) chains.add(via.map((v) => v.name).join(VIA_SEPARATOR));
    if (!sourceIds.has(source.id)) {
      sourceIds.add(source.id);
      sources.push(`${source.title} (${source.outlet})`);
      if (source.url) urls.push(source.url);
    }
  }

  const values: Record<ClaimColumn, string> = {
    claim_id: String(record.id),
    claim: record.text,
    topic: record.topic.key,
    status: record.status.key,
    contested: cell.boolean(record.contested),
    asserted_by: listCell(asserted),
    denied_by: listCell(denied),
    other_stances: listCell(others),
    via: listCell(chains),
    sources: sources.join(LIST_SEPARATOR),
    source_urls: urls.join(LIST_SEPARATOR),
    first_published: cell.timestamp(record.firstPublishedAt),
    updated_at: cell.timestamp(record.updatedAt),
    annotations_count: String(record.annotationsCount),
  };
  return CLAIM_COLUMNS.map((column) => values[column]);
}

/** The set's values joined by LIST_SEPARATOR, without an array in between. */
function listCell(values: ReadonlySet<string>): string {
  let text = "";
  let first = true;
  for (const value of values) {
    text = first ? value : `${text}${LIST_SEPARATOR}${value}`;
    first = false;
  }
  return text;
}
