import { FormFeedback } from "@/components/forms/form-feedback";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { ActionState } from "@/lib/http/action";
import { IDLE } from "@/lib/http/action-state";

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

/**
 * The parts every versioned edit form shares: the version the edit is based on (after a
 * refused stale edit, the version the user has now seen) and the notice of what changed.
 */
export function VersionFields({ state, version }: { state: ActionState; version: number }) {
  const base = state.status === "error" && typeof state.current?.version === "number" ? state.current.version : version;
  return (
    <>
      <input type="hidden" name="version" value={base} />
      <StaleEditNotice state={state} />
    </>
  );
}

/** The outcome message, except for a stale edit, which the notice above already explains. */
export function EditFeedback({ state }: { state: ActionState }) {
  return <FormFeedback state={state.status === "error" && state.httpStatus === 409 ? IDLE : state} />;
}
