"use client";

import { ConfirmForm } from "@/components/forms/confirm-form";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { mergeClaimAction } from "@/lib/claims/merge-actions";

type Verdict = { label: string };

/**
 * Merge this claim into the other one shown beside it. When their verdicts differ the
 * form asks which stands; nothing is chosen for the user.
 */
export function MergeClaimForm({ claimId, into, version, verdicts }: { claimId: number; into: number; version: number; verdicts: { merged: Verdict; into: Verdict } | null }) {
  return (
    <ConfirmForm action={mergeClaimAction} hidden={{ claimId, into }} version={version} label="Merge the claims" submitLabel={`Merge claim ${claimId} into claim ${into}`}>
      {(state) => (
        <>
          {verdicts ? (
            <fieldset className="field" aria-describedby="merge-verdict-error">
              <legend>The verdicts differ: which one stands?</legend>
              <label>
                <input type="radio" name="verdict" value="into" defaultChecked={submitted(state, "verdict") === "into"} /> {verdicts.into.label} (claim {into}, which stays)
              </label>
              <label>
                <input type="radio" name="verdict" value="merged" defaultChecked={submitted(state, "verdict") === "merged"} /> {verdicts.merged.label} (claim {claimId}, merged)
              </label>
              <FieldError state={state} names={["verdict"]} id="merge-verdict-error" />
            </fieldset>
          ) : null}
          <div className="field">
            <label htmlFor="merge-rationale">Why are they the same claim? (kept in the audit log and on the merged claim)</label>
            <textarea id="merge-rationale" name="rationale" rows={2} required defaultValue={submitted(state, "rationale")} {...fieldErrorProps(state, ["rationale"], "merge-rationale-error")} />
            <FieldError state={state} names={["rationale"]} id="merge-rationale-error" />
          </div>
          <FieldError state={state} names={["into"]} id="merge-into-error" />
        </>
      )}
    </ConfirmForm>
  );
}
