"use client";

import { useActionState } from "react";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { IDLE } from "@/lib/http/action-state";
import { setStatusAction } from "@/lib/review/actions";

type StatusChoice = { key: string; label: string; description: string };

/** Set a verdict with a required rationale and optional evidence links. */
export function VerdictForm({ claimId, version, currentStatus, statuses }: { claimId: number; version: number; currentStatus: string; statuses: StatusChoice[] }) {
  const [state, action, pending] = useActionState(setStatusAction, IDLE);
  return (
    <form action={action} className="stack-form" aria-label="Set the verdict">
      <input type="hidden" name="claimId" value={claimId} />
      <VersionFields state={state} version={version} />
      <div className="field">
        <label htmlFor="verdict-status">Verdict</label>
        <select id="verdict-status" name="status" defaultValue={submitted(state, "status", currentStatus)} key={`status-${version}`} {...fieldErrorProps(state, ["status"], "verdict-status-error")}>
          {statuses.map((status) => (
            <option key={status.key} value={status.key} title={status.description}>
              {status.label}
            </option>
          ))}
        </select>
        <FieldError state={state} names={["status"]} id="verdict-status-error" />
      </div>
      <div className="field">
        <label htmlFor="verdict-rationale">Rationale (required)</label>
        <textarea id="verdict-rationale" name="rationale" rows={3} required defaultValue={submitted(state, "rationale")} {...fieldErrorProps(state, ["rationale"], "verdict-rationale-error")} />
        <FieldError state={state} names={["rationale"]} id="verdict-rationale-error" />
      </div>
      <div className="field">
        <label htmlFor="verdict-evidence">Evidence links, one per line</label>
        <textarea id="verdict-evidence" name="evidence" rows={2} defaultValue={submitted(state, "evidence")} {...fieldErrorProps(state, ["evidence", "evidence.0", "evidence.1", "evidence.2"], "verdict-evidence-error")} />
        <FieldError state={state} names={["evidence", ...Array.from({ length: 20 }, (_, i) => `evidence.${i}`)]} id="verdict-evidence-error" />
      </div>
      <EditFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Saving…" : "Save verdict"}
      </button>
    </form>
  );
}
