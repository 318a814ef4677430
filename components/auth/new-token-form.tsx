"use client";

import { ActionForm } from "@/components/forms/action-form";
import { createTokenAction } from "@/lib/auth/token-actions";

export function NewTokenForm() {
  return (
    <ActionForm
      action={createTokenAction}
      submitLabel="Create token"
      label="New API token"
      resetOnSuccess
      showData={(data) => (
        <p>
          <label htmlFor="new-token">Your new token</label>
          <input id="new-token" readOnly value={String(data.token)} className="mono token-output" onFocus={(event) => event.currentTarget.select()} />
        </p>
      )}
    >
      <div className="field">
        <label htmlFor="token-name">Name (what it is for)</label>
        <input id="token-name" name="name" type="text" required placeholder="e.g. newsroom notebook" />
      </div>
    </ActionForm>
  );
}

