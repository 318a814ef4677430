import { ATTRIBUTION_COLUMNS, type AttributionColumn } from "@/lib/export/columns";

/** The importer reads attributions.csv: the same columns the export writes. */
export const IMPORT_COLUMNS = ATTRIBUTION_COLUMNS;
export type ImportColumn = AttributionColumn;

/**
 * Columns a file must have. The others may be left out (an absent column reads as empty
 * cells): claim_id (every row is matched by text and topic), actor_kind (new actors
 * become organisations), actor_role, verb, via, source_url, source_published,
 * quote_start/quote_end (quotes are then found in stored article text), attribution_accuracy
 * (unchecked) and sourcing (named).
 */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["claim", "topic", "status", "actor", "stance", "source_title", "source_outlet", "quote"];

export function isImportColumn(name: string): name is ImportColumn {
  return (IMPORT_COLUMNS as readonly string[]).includes(name);
}
