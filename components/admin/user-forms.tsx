"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FieldError, fieldErrorProps } from "@/components/forms/form-feedback";
import { TextField } from "@/components/forms/text-field";
import { createUserAction, setDisabledAction, setRoleAction } from "@/lib/admin/actions";
import { resetPasswordAction } from "@/lib/auth/password-actions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function NewUserForm() {
  return (
    <ActionForm action={createUserAction} submitLabel="Create account" label="New account" resetOnSuccess>
      {(state) => (
        <>
          <TextField state={state} id="new-user-email" name="email" label="E-mail" type="email" required />
          <TextField state={state} id="new-user-name" name="name" label="Name" />
          <div className="field">
            <label htmlFor="new-user-role">Role</label>
            <select id="new-user-role" name="role" defaultValue="fact_checker" {...fieldErrorProps(state, ["role"], "new-user-role-error")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <FieldError state={state} names={["role"]} id="new-user-role-error" />
          </div>
          <TextField state={state} id="new-user-password" name="password" label="Initial password (12 characters or more)" type="password" autoComplete="new-password" required minLength={12} />
        </>
      )}
    </ActionForm>
  );
}

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  return (
    <ActionForm action={setRoleAction} submitLabel="Change role" className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        Role of {email}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>{" "}
    </ActionForm>
  );
}

export function DisableForm({ userId, disabled, email }: { userId: string; disabled: boolean; email: string }) {
  return (
    <ActionForm action={setDisabledAction} submitLabel={disabled ? `Enable ${email}` : `Disable ${email}`} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
    </ActionForm>
  );
}

/** A temporary password, shown once to the admin; the user must replace it when signing in. */
export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      submitLabel={`Reset the password of ${email}`}
      className="inline-form"
      showData={(data) => (
        <span>
          <label htmlFor={`temporary-${userId}`}>Temporary password for {email}</label>{" "}
          <input id={`temporary-${userId}`} readOnly value={String(data.password)} className="mono token-output" onFocus={(event) => event.currentTarget.select()} />
        </span>
      )}
    >
      <input type="hidden" name="userId" value={userId} />
    </ActionForm>
  );
}
