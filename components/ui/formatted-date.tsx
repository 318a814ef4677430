import { formatDate } from "@/lib/text/format";

/** A date for people (UTC, so server and browser render the same text) inside a machine-readable <time>. */
export function FormattedDate({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) {
  if (!iso) return <span className="muted">undated</span>;
  const text = formatDate(new Date(iso), withTime);
  return <time dateTime={iso}>{withTime ? `${text} UTC` : text}</time>;
}
