"use client";

import { FieldError, fieldErrorProps } from "@/components/forms/form-feedback";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { updateClaimAction } from "@/lib/claims/actions";

export function EditClaimForm({ claimId, version, text, topic, topics }: { claimId: number; version: number; text: string; topic: string; topics: { key: string; label: string }[] }) {
  const edit = useVersionedEdit(updateClaimAction, { version, values: { text, topic } });
  const { state } = edit;
  return (
    <form {...edit.formProps} className="stack-form" aria-label="Edit the claim">
      <input type="hidden" name="claimId" value={claimId} />
      <VersionFields edit={edit} labels={{ topic: Object.fromEntries(topics.map((t) => [t.key, t.label])) }} />
      <div className="field">
        <label htmlFor="claim-text">Claim, in neutral words</label>
        <textarea id="claim-text" name="text" rows={2} required defaultValue={edit.initial("text")} key={edit.fieldKey("text")} {...fieldErrorProps(state, ["text"], "claim-text-error")} />
        <FieldError state={state} names={["text"]} id="claim-text-error" />
      </div>
      <div className="field">
        <label htmlFor="claim-topic">Topic</label>
        <select id="claim-topic" name="topic" defaultValue={edit.initial("topic")} key={edit.fieldKey("topic")} {...fieldErrorProps(state, ["topic"], "claim-topic-error")}>
          {topics.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError state={state} names={["topic"]} id="claim-topic-error" />
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save claim" />
    </form>
  );
}
