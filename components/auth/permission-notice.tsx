import Link from "next/link";
import type { Authorization } from "@/lib/auth/authorize";

/** Shown instead of a form the visitor may not use: sign in, or ask for the role. */
export function PermissionNotice({ access, next }: { access: Extract<Authorization, { ok: false }>; next: string }) {
  return (
    <div className="form-message form-message--error" role="alert">
      <p>{access.message}</p>
      {access.status === 401 ? (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
        </p>
      ) : null}
    </div>
  );
}
