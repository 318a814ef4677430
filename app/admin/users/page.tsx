import type { Metadata } from "next";
import { DisableForm, NewUserForm, ResetPasswordForm, RoleForm } from "@/components/admin/user-forms";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { adminAccess } from "@/lib/admin/guard";
import { parseRole } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const access = await adminAccess();
  if (!access.ok) return <PermissionNotice access={access} next="/admin/users" />;
  const users = await listUsers();
  return (
    <>
      <h1>Users and roles</h1>
      <p className="muted">Viewers read and export; fact-checkers also record sources, claims, verdicts and notes; admins also manage users, statuses and topics.</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">API tokens</th>
            <th scope="col">
              <span className="visually-hidden">Enable, disable or reset the password</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.name}</td>
              <td>
                <RoleForm userId={user.id} email={user.email} role={parseRole(user.role)} />
              </td>
              <td>
                {user.banned ? <strong>disabled</strong> : "active"}
                {user.mustChangePassword ? <span className="muted"> · must choose a new password</span> : null}
              </td>
              <td className="num">{user._count.apiTokens}</td>
              <td>
                <DisableForm userId={user.id} disabled={user.banned ?? false} email={user.email} />{" "}
                <ResetPasswordForm userId={user.id} email={user.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New account</h2>
      <NewUserForm />
    </>
  );
}
