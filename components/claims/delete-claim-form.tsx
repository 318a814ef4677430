"use client";

import { ConfirmForm } from "@/components/forms/confirm-form";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { deleteClaimAction } from "@/lib/claims/correction-actions";

/** An admin deletes a claim; a tombstone with the reason takes its place. */
export function DeleteClaimForm({ claimId, version }: { claimId: number; version: number }) {
  return (
    <ConfirmForm action={deleteClaimAction} hidden={{ claimId }} version={version} label="Delete the claim" submitLabel="Delete this claim">
      {(state) => (
        <div className="field">
          <label htmlFor="delete-reason">Why is this claim deleted? (kept on its tombstone)</label>
          <textarea id="delete-reason" name="reason" rows={2} required defaultValue={submitted(state, "reason")} {...fieldErrorProps(state, ["reason"], "delete-reason-error")} />
          <FieldError state={state} names={["reason"]} id="delete-reason-error" />
        </div>
      )}
    </ConfirmForm>
  );
}
