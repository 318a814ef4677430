import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { NewTokenForm } from "@/components/auth/new-token-form";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { RevokeTokenButton } from "@/components/auth/revoke-token-button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  const access = authorize(user, "account");
  if (!access.ok || !user) return <PermissionNotice access={access.ok ? { ok: false, status: 401, message: "Sign in to see your account." } : access} next="/account" />;
  const tokens = await listApiTokens(user.id);
  return (
    <div className="page-intro">
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email} · {ROLE_LABELS[user.role]}
      </p>
      {user.mustChangePassword ? (
        <p className="form-message form-message--error" role="alert">
          An administrator reset your password. Choose a new one below before anything else.
        </p>
      ) : null}
      <h2>Password</h2>
      <p className="muted">Changing it signs you out everywhere else.</p>
      <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
      <h2>API tokens</h2>
      <p className="muted">
        Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to use the JSON API with your role. Only a hash is stored: a token is shown
        once, when it is created.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">You have no tokens.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Begins</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className="mono">{token.prefix}…</td>
                <td>
                  <FormattedDate iso={token.createdAt.toISOString()} withTime />
                </td>
                <td>{token.lastUsedAt ? <FormattedDate iso={token.lastUsedAt.toISOString()} withTime /> : <span className="muted">never</span>}</td>
                <td>
                  <RevokeTokenButton tokenId={token.id} name={token.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>New token</h3>
      <NewTokenForm />
    </div>
  );
}
