"use client";

import { useActionState } from "react";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { updateClaimAction } from "@/lib/claims/actions";
import { IDLE } from "@/lib/http/action-state";

export function EditClaimForm({ claimId, version, text, topic, topics }: { claimId: number; version: number; text: string; topic: string; topics: { key: string; label: string }[] }) {
  const [state, action, pending] = useActionState(updateClaimAction, IDLE);
  return (
    <form action={action} className="stack-form" aria-label="Edit the claim">
      <input type="hidden" name="claimId" value={claimId} />
      <VersionFields state={state} version={version} />
      <div className="field">
        <label htmlFor="claim-text">Claim, in neutral words</label>
        <textarea id="claim-text" name="text" rows={2} required defaultValue={submitted(state, "text", text)} key={`text-${version}`} {...fieldErrorProps(state, ["text"], "claim-text-error")} />
        <FieldError state={state} names={["text"]} id="claim-text-error" />
      </div>
      <div className="field">
        <label htmlFor="claim-topic">Topic</label>
        <select id="claim-topic" name="topic" defaultValue={submitted(state, "topic", topic)} key={`topic-${version}`}>
          {topics.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <EditFeedback state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save claim"}
      </button>
    </form>
  );
}
