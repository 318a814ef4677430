import { FormattedDate } from "@/components/ui/formatted-date";
import type { ActionState } from "@/lib/http/action";

type Change = { to?: string; by?: string; at?: string; rationale?: string };

/**
 * When an edit is refused because someone else changed the record first: what it looks
 * like now and who changed it, so the user can decide again with their own text kept.
 */
export function StaleEditNotice({ state }: { state: ActionState }) {
  if (state.status !== "error" || state.httpStatus !== 409 || !state.current) return null;
  const current = state.current;
  const change = (current.lastStatusChange ?? current.lastAccuracyChange ?? null) as Change | null;
  return (
    <div className="form-message form-message--error" role="alert">
      <p>
        <strong>Changed meanwhile.</strong> It is now version {String(current.version)}
        {typeof current.statusLabel === "string" ? `, status “${current.statusLabel}”` : ""}
        {typeof current.accuracy === "string" ? `, accuracy “${String(current.accuracy).replace(/_/g, " ")}”` : ""}.
      </p>
      {change ? (
        <p>
          {change.by} set it to “{change.to?.replace(/_/g, " ")}” on <FormattedDate iso={change.at ?? null} withTime />
          {change.rationale ? `: “${change.rationale}”` : ""}
        </p>
      ) : null}
      {typeof current.body === "string" ? <p>The note now reads: “{current.body}”</p> : null}
      <p>Your text is still in the form. Submit again to apply it to the current version.</p>
    </div>
  );
}
