"use client";

import { closeQuoteKey, type CloseQuote } from "@/lib/import/close-quotes";
import styles from "./import.module.css";

/**
 * Rows whose quotes are close to, but not exactly, the stored article's words: the file's
 * words beside the article's (marked in their sentence), a box per row to import the
 * article's words instead, and a button that ticks them all. The boxes are part of the
 * form: "Import" sends the keys of those ticked, and the server imports only those.
 */
export function CloseQuotesPicker({ closeQuotes, accepted, onChange }: { closeQuotes: CloseQuote[]; accepted: ReadonlySet<string>; onChange: (accepted: Set<string>) => void }) {
  const keys = closeQuotes.map(closeQuoteKey);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(accepted);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <section aria-labelledby="close-quotes-heading" className={styles.report}>
      <h2 id="close-quotes-heading">Close quotes</h2>
      <p>
        {closeQuotes.length === 1 ? "One row quotes" : `${closeQuotes.length} rows quote`} the stored article in other words than its own (quotes,
        dashes, spacing, a typo). Claimtrail stores only the article&apos;s words: tick a row to import it with the article&apos;s words, or correct
        the file. Nothing is imported while a close quote is left unticked.
      </p>
      <button type="button" onClick={() => onChange(new Set(keys))} disabled={keys.every((key) => accepted.has(key))}>
        Accept all {closeQuotes.length} with the article&apos;s words
      </button>
      <div className="table-scroll">
        <table className="data">
          <caption className={styles.captionPlain}>Rows whose quotes match the article only approximately</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">The file&apos;s words</th>
              <th scope="col">The article&apos;s words, in their sentence</th>
              <th scope="col">Import the article&apos;s words</th>
            </tr>
          </thead>
          <tbody>
            {closeQuotes.map((close, index) => {
              const key = keys[index]!;
              const { suggestion } = close;
              return (
                <tr key={key}>
                  <td className="num">{close.line}</td>
                  <td className={styles.words}>{close.quote}</td>
                  <td className={styles.words}>
                    {suggestion.before}
                    <mark>{suggestion.exact}</mark>
                    {suggestion.after}
                    <span className="muted"> (characters {suggestion.start}–{suggestion.end}, score {suggestion.score})</span>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="acceptQuote"
                      value={key}
                      id={`accept-quote-${close.line}`}
                      checked={accepted.has(key)}
                      onChange={(event) => toggle(key, event.currentTarget.checked)}
                    />{" "}
                    <label htmlFor={`accept-quote-${close.line}`}>Accept line {close.line}</label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
