import Link from "next/link";
import { FormattedDate } from "@/components/ui/formatted-date";
import { NOTEWORTHY_STATUSES } from "@/lib/sources/reanchor-quotes";
import type { Reanchoring } from "@/lib/sources/queries";

const STATUS_WORDS = { moved: "moved", changed: "now reads differently", not_placed: "could not be placed" } as const;

/**
 * After the article text was added or replaced: the quotes that moved, changed or could
 * not be placed, each with its words before and after, so none changes unnoticed.
 */
export function ReanchorReport({ reanchoring }: { reanchoring: Reanchoring }) {
  const noteworthy = reanchoring.quotes.filter((quote) => NOTEWORTHY_STATUSES.includes(quote.status));
  const placed = reanchoring.quotes.length - noteworthy.length;
  return (
    <section id="reanchored" aria-labelledby="reanchored-heading" className="card">
      <h2 id="reanchored-heading">Quotes after the text was {reanchoring.action === "add_text" ? "added" : "replaced"}</h2>
      <p className="muted">
        <FormattedDate iso={reanchoring.at} withTime />
        {reanchoring.by ? ` by ${reanchoring.by}` : ""}: {placed} of {reanchoring.quotes.length} quote{reanchoring.quotes.length === 1 ? "" : "s"} found word for word
        {noteworthy.length > 0 ? `; ${noteworthy.length} to check:` : "."}
      </p>
      {noteworthy.length > 0 ? (
        <ul>
          {noteworthy.map((quote) => (
            <li key={quote.attributionId}>
              <Link href={`/claims/${quote.claimId}#attribution-${quote.attributionId}`}>Attribution {quote.attributionId}</Link>{" "}
              <strong>{STATUS_WORDS[quote.status as keyof typeof STATUS_WORDS]}</strong>: was “{quote.before.quote}”
              {quote.before.start !== null ? ` at ${quote.before.start}–${quote.before.end}` : ""}
              {quote.status === "not_placed" ? "; kept without a place in the text" : `; now “${quote.after.quote}” at ${quote.after.start}–${quote.after.end}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
