import type { ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryToSearchParams } from "@/lib/claims/query/claim-query-url";
import { EscapeClosesDetails } from "@/components/export/escape-closes-details";
import styles from "./export-menu.module.css";
import { formatCount } from "@/lib/text/format";

const FILES = [
  { path: "/export/claims.csv", label: "Claims (CSV)", note: "one row per claim" },
  { path: "/export/claims.csv", label: "Claims (CSV for Excel)", note: "with a byte-order mark", bom: true },
  { path: "/export/attributions.csv", label: "Attributions (CSV)", note: "one row per actor, source and quote" },
  { path: "/export/attributions.csv", label: "Attributions (CSV for Excel)", note: "with a byte-order mark", bom: true },
  { path: "/export/notes.csv", label: "Notes (CSV)", note: "one row per note, replies and deletions included" },
  { path: "/export/history.csv", label: "Verdict history (CSV)", note: "verdict and accuracy changes, with rationale and evidence" },
  { path: "/export/claims.json", label: "Claims (JSON)", note: "the records the API returns" },
  { path: "/export/claimreview.jsonld", label: "ClaimReview (JSON-LD)", note: "schema.org, final verdicts only" },
] as const;

/**
 * Downloads of everything the current filters match (every page, in the table's order),
 * built from the same query as the table so the two can never disagree. A <details>
 * menu works without JavaScript and with the keyboard; Escape closes it.
 */
export function ExportMenu({ query, total }: { query: ClaimQuery; total: number }) {
  const params = claimQueryToSearchParams(query, { includePaging: false, includeColumns: false });
  const href = (path: string, bom?: boolean) => {
    const withBom = new URLSearchParams(params);
    if (bom) withBom.set("bom", "1");
    const search = withBom.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <EscapeClosesDetails className={styles.menu} summary="Export">
      <div className={styles.panel}>
        <p className={styles.scope}>
          All {formatCount(total)} matching claim{total === 1 ? "" : "s"}, in this order:
        </p>
        <ul>
          {FILES.map((file) => (
            <li key={`${file.path}-${file.label}`}>
              <a href={href(file.path, "bom" in file ? file.bom : false)} download>
                {file.label}
              </a>{" "}
              <span className="muted">{file.note}</span>
            </li>
          ))}
        </ul>
        <p className={styles.dictionary}>
          <a href="/docs/export">Data dictionary</a> <span className="muted">what every column means</span>
        </p>
      </div>
    </EscapeClosesDetails>
  );
}
