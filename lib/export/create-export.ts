import "server-only";
import { parseClaimQuery, type ClaimQuery, type QueryProblem, type RawParams } from "@/lib/claims/query/claim-query";
import { orderedMatches } from "@/lib/claims/search/search-claims";
import { raw, type Sql } from "@/lib/db/sql";
import { NOTICE_HEADER, type ReviewContext } from "@/lib/export/claim-review";
import type { SnapshotReader } from "@/lib/db/reader";
import { exportFileName, type ExportFormat } from "@/lib/export/formats";
import { EXPORT_INCLUDES, parseIncludes } from "@/lib/export/includes";
import { streamExport } from "@/lib/export/stream-export";
import { loadVocabulary, type Vocabulary } from "@/lib/vocabulary/queries";

export type CreatedExport =
  | { ok: true; stream: ReadableStream<Uint8Array>; headers: Record<string, string> }
  | { ok: false; problems: QueryProblem[] };

/**
 * An export for the list state in `params`, parsed by the same schema as /claims and
 * /api/claims (paging and column parameters are accepted and ignored: an export holds
 * every matching claim, in the list's sort order). `bom=1` puts a byte-order mark in
 * front of a CSV file. On success the stream owns `connection`; on failure the caller
 * closes it.
 */
export async function createExport<R>(
  connection: SnapshotReader,
  format: ExportFormat<R>,
  params: URLSearchParams | RawParams,
  context: ReviewContext,
  now: Date = new Date(),
): Promise<CreatedExport> {
  const vocabulary = await loadVocabulary(connection);
  const parsed = parseClaimQuery(params, vocabulary);
  const values = (name: string) => (params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat());
  const bom = parseBom(values("bom"));
  const include = parseFormatIncludes(format, values("include"));
  const problems = [...(parsed.ok ? [] : parsed.problems), ...(bom.ok ? [] : [bom.problem]), ...(include.ok ? [] : [include.problem])];
  if (!parsed.ok || !bom.ok || !include.ok) return { ok: false, problems };

  const notice = format.notice?.(context) ?? null;
  const file = include.value.length > 0 && format.including ? format.including(include.value) : format;
  const stream = streamExport({ connection, ids: exportSelection(parsed.query, vocabulary, format), format: file, context, bom: bom.value });
  return {
    ok: true,
    stream,
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${exportFileName(format, now)}"`,
      "Cache-Control": "no-store",
      ...(notice ? { [NOTICE_HEADER]: notice } : {}),
    },
  };
}

/** The ids to export, in order. ClaimReview narrows the status filter to final verdicts. */
export function exportSelection(query: ClaimQuery, vocabulary: Vocabulary, format: Pick<ExportFormat, "finalVerdictsOnly">): Sql {
  if (!format.finalVerdictsOnly) return orderedMatches(query, vocabulary);
  const finalKeys = vocabulary.statuses.filter((status) => status.isFinal).map((status) => status.key);
  const status = query.status.length > 0 ? query.status.filter((key) => finalKeys.includes(key)) : finalKeys;
  // An empty status list means "any status" to the query, so "no final status asked for" must say so itself.
  if (status.length === 0) return raw('SELECT c."id" FROM "Claim" c WHERE 1 = 0');
  return orderedMatches({ ...query, status }, vocabulary);
}

/** `include` for the formats that take it; asking another format for more is an error, not silence. */
function parseFormatIncludes(format: Pick<ExportFormat, "including" | "fileBase" | "extension">, values: readonly string[]) {
  const include = parseIncludes(values);
  if (include.ok && include.value.length > 0 && !format.including) {
    return { ok: false as const, problem: { parameter: "include", message: `${format.fileBase}.${format.extension} has no parts to include; claims.json and claims.ndjson take include=${EXPORT_INCLUDES.join(",")}` } };
  }
  return include;
}

type BomChoice = { ok: true; value: boolean } | { ok: false; problem: QueryProblem };

export function parseBom(values: readonly string[]): BomChoice {
  const value = values.at(-1);
  if (value === undefined || value === "" || value === "0" || value === "false") return { ok: true, value: false };
  if (value === "1" || value === "true") return { ok: true, value: true };
  return { ok: false, problem: { parameter: "bom", message: "must be 1 (add a byte-order mark for Excel) or 0" } };
}
