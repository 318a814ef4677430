"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { changePasswordAction } from "@/lib/auth/password-actions";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  return (
    <ActionForm action={changePasswordAction} submitLabel="Change password" label="Change your password" resetOnSuccess>
      {(state) => (
        <>
          <TextField state={state} id="current-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
          <TextField state={state} id="new-password" name="newPassword" label={`New password (${minLength} characters or more)`} type="password" autoComplete="new-password" required minLength={minLength} />
        </>
      )}
    </ActionForm>
  );
}
