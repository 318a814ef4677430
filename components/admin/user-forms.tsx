"use client";

import { ActionForm } from "@/components/forms/action-form";
import { createUserAction, setDisabledAction, setRoleAction } from "@/lib/admin/actions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function NewUserForm() {
  return (
    <ActionForm action={createUserAction} submitLabel="Create account" label="New account">
      <div className="field">
        <label htmlFor="new-user-email">E-mail</label>
        <input id="new-user-email" name="email" type="email" required />
      </div>
      <div className="field">
        <label htmlFor="new-user-name">Name</label>
        <input id="new-user-name" name="name" type="text" />
      </div>
      <div className="field">
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" name="role" defaultValue="fact_checker">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-user-password">Initial password (12 characters or more)</label>
        <input id="new-user-password" name="password" type="password" autoComplete="new-password" required minLength={12} />
      </div>
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
