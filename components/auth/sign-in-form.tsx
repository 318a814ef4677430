"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { sameSitePath } from "@/lib/http/redirect-target";

/** E-mail and password sign-in; errors are announced and shown next to the form. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (failure) {
      setError(
        failure.status === 429
          ? "Too many sign-in attempts. Wait a minute and try again."
          : failure.status === 403
            ? "This account is disabled. Ask an administrator."
            : "That e-mail address and password do not match an account.",
      );
      return;
    }
    router.push(sameSitePath(next));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="narrow-form" aria-describedby={error ? errorId : undefined} noValidate>
      <div className="field">
        <label htmlFor="sign-in-email">E-mail</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">Password</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p id={errorId} className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
