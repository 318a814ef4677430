"use client";

import { useId } from "react";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { setAccuracyAction } from "@/lib/review/actions";
import { ACCURACIES, ACCURACY_LABELS, type Accuracy } from "@/lib/vocabulary/terms";

/** Did the speaker really say it? A mark with its own rationale and history, per attribution. */
export function AccuracyForm({ attributionId, version, current }: { attributionId: number; version: number; current: Accuracy }) {
  const edit = useVersionedEdit(setAccuracyAction, { version, values: { accuracy: current }, resetOnSuccess: true });
  const { state } = edit;
  const id = useId();
  return (
    <form {...edit.formProps} className="stack-form" aria-label="Check the attribution">
      <input type="hidden" name="attributionId" value={attributionId} />
      <VersionFields edit={edit} labels={{ accuracy: ACCURACY_LABELS }} />
      <div className="field">
        <label htmlFor={`${id}-accuracy`}>Did they really say it?</label>
        <select id={`${id}-accuracy`} name="accuracy" defaultValue={edit.initial("accuracy")} key={edit.fieldKey("accuracy")} {...fieldErrorProps(state, ["accuracy"], `${id}-accuracy-error`)}>
          {ACCURACIES.map((accuracy) => (
            <option key={accuracy} value={accuracy}>
              {ACCURACY_LABELS[accuracy]}
            </option>
          ))}
        </select>
        <FieldError state={state} names={["accuracy"]} id={`${id}-accuracy-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rationale`}>Rationale (required)</label>
        <textarea id={`${id}-rationale`} name="rationale" rows={2} required defaultValue={submitted(state, "rationale")} {...fieldErrorProps(state, ["rationale"], `${id}-rationale-error`)} />
        <FieldError state={state} names={["rationale"]} id={`${id}-rationale-error`} />
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save accuracy" />
    </form>
  );
}
