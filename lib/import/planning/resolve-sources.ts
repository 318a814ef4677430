import type { ImportRow } from "@/lib/import/parse-row";
import { sourceTitleKey, type ExistingRecords } from "./existing-records";
import { quoted, type PlannedSource, type ReportProblem } from "./types";

/**
 * Rows to sources: by URL, else by title and outlet. Every row naming a source must agree
 * with the stored source (or the first row that named it) on title, outlet and
 * publication date; `resolve` gives null (and reports each disagreement) when it does not.
 */
export function createSourceResolver(existing: ExistingRecords, report: ReportProblem) {
  const sources = new Map<string, PlannedSource>();

  const resolve = (row: ImportRow): PlannedSource | null => {
    const key = row.sourceUrl ? `url:${row.sourceUrl}` : `title:${sourceTitleKey(row.sourceTitle, row.sourceOutlet)}`;
    let source = sources.get(key);
    if (!source) {
      const stored = row.sourceUrl ? existing.sourcesByUrl.get(row.sourceUrl) : existing.sourcesByTitle.get(sourceTitleKey(row.sourceTitle, row.sourceOutlet));
      source = stored
        ? { key, existingId: stored.id, title: stored.title, outlet: stored.outlet, url: stored.url, publishedAt: stored.publishedAt, publishedLine: 0, text: stored.text, firstLine: row.line }
        : { key, existingId: null, title: row.sourceTitle, outlet: row.sourceOutlet, url: row.sourceUrl, publishedAt: row.sourcePublished, publishedLine: row.line, text: "", firstLine: row.line };
      sources.set(key, source);
    }
    let ok = true;
    const from = source.existingId !== null ? `the stored source ${source.url ?? ""}`.trim() : `line ${source.firstLine}`;
    if (source.title !== row.sourceTitle) {
      report(row.line, "source_title", `${from} has the title ${quoted(source.title)} for this URL`);
      ok = false;
    }
    if (source.outlet !== row.sourceOutlet) {
      report(row.line, "source_outlet", `${from} has the outlet ${quoted(source.outlet)} for this URL`);
      ok = false;
    }
    if (row.sourcePublished !== null) {
      if (source.publishedAt === null && source.existingId === null) {
        source.publishedAt = row.sourcePublished;
        source.publishedLine = row.line;
      } else if (source.publishedAt?.getTime() !== row.sourcePublished.getTime()) {
        const stored = source.publishedAt ? source.publishedAt.toISOString() : "no date";
        report(
          row.line,
          "source_published",
          source.existingId !== null ? `the source is stored with ${stored === "no date" ? "no publication date" : `the publication date ${stored}`}` : `line ${source.publishedLine} gives this source the date ${stored}`,
        );
        ok = false;
      }
    }
    return ok ? source : null;
  };

  return { resolve, sources: sources as ReadonlyMap<string, PlannedSource> };
}
