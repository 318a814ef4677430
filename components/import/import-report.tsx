import type { ImportReport } from "@/lib/import/run-import";
import styles from "./import.module.css";
import { formatCount } from "@/lib/text/format";

const SUMMARY_LABELS: [keyof NonNullable<ImportReport["summary"]>, string][] = [
  ["rows", "Rows read"],
  ["claimsToCreate", "Claims to create"],
  ["claimsMatched", "Existing claims matched"],
  ["statusChanges", "Status changes"],
  ["actorsToCreate", "Actors to create"],
  ["sourcesToCreate", "Sources to create"],
  ["topicsToCreate", "Topics to create"],
  ["attributionsToAdd", "Attributions to add"],
  ["duplicatesSkipped", "Duplicates skipped"],
  ["quotesWithoutOffsets", "Quotes kept without offsets"],
  ["closeQuotesAccepted", "Close quotes taken as the article's words"],
];

/** What a check found: the counts, and every problem with its line, column and reason. */
export function ImportReportView({ report, committed }: { report: ImportReport; committed: boolean }) {
  return (
    <section aria-labelledby="import-report-heading" className={styles.report}>
      <h2 id="import-report-heading">{committed ? "Imported" : report.ok ? "Ready to import" : "Problems to fix"}</h2>
      {report.summary && !report.ok ? <p className="muted">The counts cover the rows without problems.</p> : null}
      {report.summary ? (
        <dl className={styles.counts}>
          {SUMMARY_LABELS.map(([key, label]) => (
            <div key={key} className={styles.count}>
              <dt>{committed ? label.replace(" to create", " created").replace(" to add", " added") : label}</dt>
              <dd>{formatCount(report.summary![key])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {!committed && report.similarClaims && report.similarClaims.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className={styles.caption}>New claims possibly tracked already, in other words: look at them before importing (merging is possible afterwards too).</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">New claim</th>
                <th scope="col">Best existing matches</th>
              </tr>
            </thead>
            <tbody>
              {report.similarClaims.map((similar) => (
                <tr key={similar.line}>
                  <td className="num">{similar.line}</td>
                  <td>{similar.text}</td>
                  <td>
                    <ul className="plain-list">
                      {similar.matches.map((match) => (
                        <li key={match.id}>
                          <a href={`/claims/${match.id}`}>{match.text}</a> <span className="muted">({match.topic}, score {match.score.toFixed(2)})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.problems.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className={styles.caption}>
              {report.problems.length} problem{report.problems.length === 1 ? "" : "s"} in {report.fileName}: nothing is imported until every one is fixed.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={`${problem.row}-${problem.column}-${index}`}>
                  <td className="num">{problem.row}</td>
                  <td>
                    <code>{problem.column || "—"}</code>
                  </td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
