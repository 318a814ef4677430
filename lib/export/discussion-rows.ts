import { cell } from "@/lib/export/csv";
import { HISTORY_COLUMNS, LIST_SEPARATOR, NOTE_COLUMNS, type HistoryColumn, type NoteColumn } from "@/lib/export/columns";
import type { HistoryRecord, NoteRecord } from "@/lib/export/discussion-records";

/** What a notes.csv or history.csv row is made from: the record and the text of its claim. */
export type WithClaimText<R> = R & { claimText: string };

export function noteCsvRow(note: WithClaimText<NoteRecord>): string[] {
  const values: Record<NoteColumn, string> = {
    note_id: String(note.id),
    claim_id: String(note.claimId),
    claim: note.claimText,
    attribution_id: cell.number(note.attributionId),
    parent_note_id: cell.number(note.parentId),
    author: cell.text(note.author),
    created_at: cell.timestamp(note.createdAt),
    edited_at: cell.timestamp(note.editedAt),
    deleted_at: cell.timestamp(note.deletedAt),
    body: note.body,
  };
  return NOTE_COLUMNS.map((column) => values[column]);
}

export function historyCsvRow(change: WithClaimText<HistoryRecord>): string[] {
  const values: Record<HistoryColumn, string> = {
    claim_id: String(change.claimId),
    claim: change.claimText,
    attribution_id: cell.number(change.attributionId),
    change: change.kind,
    from: cell.text(change.from),
    to: change.to,
    rationale: change.rationale,
    evidence: change.evidence.join(LIST_SEPARATOR),
    changed_by: cell.text(change.by),
    changed_at: cell.timestamp(change.at),
  };
  return HISTORY_COLUMNS.map((column) => values[column]);
}
