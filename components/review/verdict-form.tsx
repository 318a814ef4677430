"use client";

import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { useVersionedEdit, type Conflict } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { setStatusAction } from "@/lib/review/actions";

type StatusChoice = { key: string; label: string; description: string };

/** Evidence errors come keyed by line ("evidence.2"); all of them stand under the one field. */
const EVIDENCE_NAMES = ["evidence", ...Array.from({ length: 20 }, (_, i) => `evidence.${i}`)];

type LastChange = { by?: string; rationale?: string } | null | undefined;

/** When the verdict itself changed meanwhile, the colleague's reasons belong beside it. */
function theirRationale(conflict: Conflict, baseStatus: string | undefined) {
  const last = (conflict as Conflict & { lastStatusChange?: LastChange }).lastStatusChange;
  const verdict = conflict.fields.status;
  if (!last?.rationale || !verdict || verdict.value === baseStatus) return null;
  return (
    <p>
      {last.by ?? "They"} set “{verdict.shown}” because: “{last.rationale}”
    </p>
  );
}

/** Set a verdict with a required rationale and optional evidence links. */
export function VerdictForm({ claimId, version, currentStatus, statuses }: { claimId: number; version: number; currentStatus: string; statuses: StatusChoice[] }) {
  const edit = useVersionedEdit(setStatusAction, { version, values: { status: currentStatus }, resetOnSuccess: true });
  const { state } = edit;
  return (
    <form {...edit.formProps} className="stack-form" aria-label="Set the verdict">
      <input type="hidden" name="claimId" value={claimId} />
      <VersionFields edit={edit} labels={{ status: Object.fromEntries(statuses.map((s) => [s.key, s.label])) }} explain={(conflict) => theirRationale(conflict, edit.base.status)} />
      <div className="field">
        <label htmlFor="verdict-status">Verdict</label>
        <select id="verdict-status" name="status" defaultValue={edit.initial("status")} key={edit.fieldKey("status")} {...fieldErrorProps(state, ["status"], "verdict-status-error")}>
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
        <textarea id="verdict-evidence" name="evidence" rows={2} defaultValue={submitted(state, "evidence")} {...fieldErrorProps(state, EVIDENCE_NAMES, "verdict-evidence-error")} />
        <FieldError state={state} names={EVIDENCE_NAMES} id="verdict-evidence-error" />
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save verdict" className="primary" />
    </form>
  );
}
