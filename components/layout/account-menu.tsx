import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleCan, ROLE_LABELS } from "@/lib/auth/roles";

/** Who is signed in, and the pages their role opens. */
export async function AccountMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="site-header__account">
        <Link href="/sign-in">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="site-header__account">
      {roleCan(user.role, "edit") ? (
        <>
          <Link href="/sources/new">New article</Link>
          <Link href="/import">Import</Link>
        </>
      ) : null}
      {roleCan(user.role, "admin") ? <Link href="/admin">Admin</Link> : null}
      {user.mustChangePassword ? <Link href="/account">Choose a new password</Link> : null}
      <Link href="/account" title={`Signed in as ${user.email}`}>
        {user.name} <span className="muted">({ROLE_LABELS[user.role]})</span>
      </Link>
      <SignOutButton />
    </div>
  );
}
