/** A date for people (UTC, so server and browser render the same text) inside a machine-readable <time>. */
export function FormattedDate({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) {
  if (!iso) return <span className="muted">undated</span>;
  const date = new Date(iso);
  const text = date.toLocaleString("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  });
  return <time dateTime={iso}>{withTime ? `${text} UTC` : text}</time>;
}
