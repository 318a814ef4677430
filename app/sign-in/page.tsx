import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sameSitePath } from "@/lib/http/redirect-target";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Only same-site paths: a sign-in link must not bounce anyone to another site.
  const next = sameSitePath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="page-intro">
      <h1>Sign in</h1>
      <p className="muted">Accounts are created by an administrator. Reading and exporting claims needs no account unless this site says otherwise.</p>
      <SignInForm next={next} />
    </div>
  );
}
