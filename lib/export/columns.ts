/**
 * The column contract of the CSV exports (docs/export.md defines every column). Names and
 * order are a public interface: researchers' scripts and spreadsheets address columns by
 * name, and the importer reads attributions.csv by these names. New columns go at the end.
 */
export const CLAIM_COLUMNS = [
  "claim_id",
  "claim",
  "topic",
  "status",
  "contested",
  "asserted_by",
  "denied_by",
  "other_stances",
  "via",
  "sources",
  "source_urls",
  "first_published",
  "updated_at",
  "annotations_count",
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

export const ATTRIBUTION_COLUMNS = [
  "claim_id",
  "claim",
  "topic",
  "status",
  "actor",
  "actor_kind",
  "actor_role",
  "stance",
  "verb",
  "via",
  "source_title",
  "source_outlet",
  "source_url",
  "source_published",
  "quote",
  "quote_start",
  "quote_end",
  "attribution_accuracy",
  // Added after the first version of the contract: without it an import could not tell a
  // named source from an unnamed one, and a round trip would lose it.
  "sourcing",
] as const;
export type AttributionColumn = (typeof ATTRIBUTION_COLUMNS)[number];

/** notes.csv: one row per note, deleted ones included as tombstones (docs/export.md). */
export const NOTE_COLUMNS = ["note_id", "claim_id", "claim", "attribution_id", "parent_note_id", "author", "created_at", "edited_at", "deleted_at", "body"] as const;
export type NoteColumn = (typeof NOTE_COLUMNS)[number];

/** history.csv: one row per verdict change or attribution accuracy change, oldest first per claim. */
export const HISTORY_COLUMNS = ["claim_id", "claim", "attribution_id", "change", "from", "to", "rationale", "evidence", "changed_by", "changed_at"] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** Separators inside one cell. Documented in docs/export.md; the importer splits `via` on VIA_SEPARATOR. */
export const LIST_SEPARATOR = "; ";
export const VIA_SEPARATOR = " > ";
