import { cell } from "@/lib/export/csv";
import { ATTRIBUTION_COLUMNS, VIA_SEPARATOR, type AttributionColumn } from "@/lib/export/columns";
import { chronological, type ExportRecord } from "@/lib/export/export-record";

/**
 * attributions.csv rows for one claim: one per attribution (claim × actor × source), in
 * ATTRIBUTION_COLUMNS order. This is the file the importer reads back.
 */
export function attributionCsvRows(record: ExportRecord): string[][] {
  return chronological(record.attributions).map((attribution) => {
    const values: Record<AttributionColumn, string> = {
      claim_id: String(record.id),
      claim: record.text,
      topic: record.topic.key,
      status: record.status.key,
      actor: attribution.actor.name,
      actor_kind: attribution.actor.kind,
      // The role as this source gives it, or the actor's usual role: what the API shows.
      actor_role: cell.text(attribution.actor.role),
      stance: attribution.stance,
      verb: cell.text(attribution.verb),
      via: attribution.via.map((v) => v.name).join(VIA_SEPARATOR),
      source_title: attribution.source.title,
      source_outlet: attribution.source.outlet,
      source_url: cell.text(attribution.source.url),
      source_published: cell.timestamp(attribution.source.publishedAt),
      quote: attribution.quote.exact,
      quote_start: cell.number(attribution.quote.start),
      quote_end: cell.number(attribution.quote.end),
      attribution_accuracy: attribution.accuracy,
      sourcing: attribution.sourcing,
    };
    return ATTRIBUTION_COLUMNS.map((column) => values[column]);
  });
}
