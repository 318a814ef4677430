"use client";

import { useActionState, useId } from "react";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { IDLE } from "@/lib/http/action-state";
import { setAccuracyAction } from "@/lib/review/actions";
import { ACCURACIES, ACCURACY_LABELS, type Accuracy } from "@/lib/vocabulary/terms";

/** Did the speaker really say it? A mark with its own rationale and history, per attribution. */
export function AccuracyForm({ attributionId, version, current }: { attributionId: number; version: number; current: Accuracy }) {
  const [state, action, pending] = useActionState(setAccuracyAction, IDLE);
  const id = useId();
  return (
    <form action={action} className="stack-form" aria-label="Check the attribution">
      <input type="hidden" name="attributionId" value={attributionId} />
      <VersionFields state={state} version={version} />
      <div className="field">
        <label htmlFor={`${id}-accuracy`}>Did they really say it?</label>
        <select id={`${id}-accuracy`} name="accuracy" defaultValue={submitted(state, "accuracy", current)} key={`accuracy-${version}`}>
          {ACCURACIES.map((accuracy) => (
            <option key={accuracy} value={accuracy}>
              {ACCURACY_LABELS[accuracy]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rationale`}>Rationale (required)</label>
        <textarea id={`${id}-rationale`} name="rationale" rows={2} required defaultValue={submitted(state, "rationale")} {...fieldErrorProps(state, ["rationale"], `${id}-rationale-error`)} />
        <FieldError state={state} names={["rationale"]} id={`${id}-rationale-error`} />
      </div>
      <EditFeedback state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save accuracy"}
      </button>
    </form>
  );
}
