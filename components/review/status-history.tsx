import { StatusBadge } from "@/components/claims/status-badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { StatusChangeView } from "@/lib/review/queries";

/** Every verdict change: who, when, from, to, why, on what evidence. Newest first. */
export function StatusHistory({ changes }: { changes: StatusChangeView[] }) {
  if (changes.length === 0) return <p className="muted">No verdict has been set yet.</p>;
  return (
    <ol className="history" aria-label="Verdict history">
      {changes.map((change) => (
        <li key={change.id}>
          <p>
            <FormattedDate iso={change.at} withTime /> · <strong>{change.by}</strong>:{" "}
            {change.from ? <StatusBadge status={change.from} /> : <span className="muted">none</span>} → <StatusBadge status={change.to} />
          </p>
          <p className="history__rationale">{change.rationale}</p>
          {change.evidence.length > 0 ? (
            <ul className="history__evidence">
              {change.evidence.map((url) => (
                <li key={url}>
                  <a href={url} rel="noreferrer noopener nofollow">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
