import "server-only";
import type { QueryProblem } from "@/lib/claims/query/claim-query";
import type { SqlReader } from "@/lib/db/reader";
import { loadHistory, loadNotes } from "@/lib/export/discussion-records";
import type { ExportRecord } from "@/lib/export/export-record";

import { EXPORT_INCLUDES, type ExportInclude } from "@/lib/export/include-names";

export { EXPORT_INCLUDES, type ExportInclude };

type IncludeChoice = { ok: true; value: ExportInclude[] } | { ok: false; problem: QueryProblem };

/** `include=notes,history` or `include=notes&include=history`; an unknown part is a 400 naming it. */
export function parseIncludes(values: readonly string[]): IncludeChoice {
  const parts = values.flatMap((value) => value.split(",")).map((part) => part.trim()).filter((part) => part !== "");
  const unknown = parts.filter((part) => !(EXPORT_INCLUDES as readonly string[]).includes(part));
  if (unknown.length > 0) {
    return { ok: false, problem: { parameter: "include", message: `unknown part ${JSON.stringify(unknown[0])}; known: ${EXPORT_INCLUDES.join(", ")}` } };
  }
  return { ok: true, value: EXPORT_INCLUDES.filter((include) => parts.includes(include)) };
}

/** The records with the included parts added, read for the whole batch in one query each. */
export async function addIncludes(db: SqlReader, records: ExportRecord[], include: readonly ExportInclude[]): Promise<ExportRecord[]> {
  if (include.length === 0 || records.length === 0) return records;
  const ids = records.map((record) => record.id);
  const [notes, history] = await Promise.all([
    include.includes("notes") ? loadNotes(db, ids) : null,
    include.includes("history") ? loadHistory(db, ids) : null,
  ]);
  return records.map((record) => ({
    ...record,
    ...(notes ? { notes: notes.get(record.id) ?? [] } : {}),
    ...(history ? { history: history.get(record.id) ?? [] } : {}),
  }));
}
