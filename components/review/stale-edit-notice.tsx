import type { ReactNode } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { VersionedEdit } from "@/components/forms/use-versioned-edit";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { ActionState } from "@/lib/http/action";
import { IDLE } from "@/lib/http/action-state";

/**
 * When an edit is refused because someone else saved the record first: field by field,
 * what is stored now next to what the user submitted, for the fields either of them
 * changed, so the user can choose knowingly (the buttons below the form).
 * `labels` turn a submitted key (a topic, a verdict) into the words the form shows.
 */
export function StaleEditNotice({ edit, labels = {}, explain }: { edit: VersionedEdit; labels?: Record<string, Record<string, string>>; explain?: (conflict: NonNullable<VersionedEdit["conflict"]>) => ReactNode }) {
  const { conflict, base } = edit;
  if (!conflict || edit.state.status !== "error") return null;
  const mine = edit.state.values ?? {};
  const rows = Object.entries(conflict.fields).filter(([name, stored]) => name in base && (edit.edited(name) || stored.value !== base[name]));
  return (
    <div className="form-message form-message--error stale-edit" role="alert">
      <p>
        <strong>Changed meanwhile.</strong> {conflict.changedBy ?? "Someone"} saved version {conflict.version}
        {conflict.changedAt ? (
          <>
            {" "}
            on <FormattedDate iso={conflict.changedAt} withTime />
          </>
        ) : null}{" "}
        while you were editing. Nothing of yours was saved yet.
      </p>
      {rows.length > 0 ? (
        <table className="stale-edit__fields">
          <caption className="visually-hidden">Stored now and yours, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Stored now (version {conflict.version})</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, stored]) => (
              <tr key={name}>
                <th scope="row">{stored.label}</th>
                <td>{stored.shown}</td>
                <td>{edit.edited(name) ? (labels[name]?.[mine[name]!] ?? mine[name]) : <span className="muted">not changed by you: the stored value stays</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {explain?.(conflict)}
      <p>Your edits are still in the form. Keep yours (replacing version {conflict.version}), or take theirs and drop your edits.</p>
    </div>
  );
}

/** The version an edit is based on (after a refusal, the one just shown) and the notice of what changed. */
export function VersionFields({ edit, labels, explain }: { edit: VersionedEdit; labels?: Record<string, Record<string, string>>; explain?: (conflict: NonNullable<VersionedEdit["conflict"]>) => ReactNode }) {
  return (
    <>
      <input type="hidden" name="version" value={edit.version} />
      <StaleEditNotice edit={edit} labels={labels} explain={explain} />
    </>
  );
}

/** The form's submit button, or after a refused stale edit the explicit choice between "Keep mine" and "Take theirs". */
export function EditButtons({ edit, label, className }: { edit: VersionedEdit; label: string; className?: string }) {
  if (edit.conflict) {
    return (
      <p className="button-row">
        <button type="submit" name="overwrite" value={edit.conflict.version} className={className} disabled={edit.pending}>
          Keep mine (replace version {edit.conflict.version})
        </button>{" "}
        <button type="button" onClick={edit.takeTheirs} disabled={edit.pending}>
          Take theirs
        </button>
      </p>
    );
  }
  return (
    <button type="submit" className={className} disabled={edit.pending}>
      {edit.pending ? "Saving…" : label}
    </button>
  );
}

/** The outcome message, except for a stale edit, which the notice above already explains. */
export function EditFeedback({ state }: { state: ActionState }) {
  return <FormFeedback state={state.status === "error" && state.httpStatus === 409 ? IDLE : state} />;
}
