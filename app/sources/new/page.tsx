import type { Metadata } from "next";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { NewSourceForm } from "@/components/sources/new-source-form";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New article" };

export default async function NewSourcePage() {
  const access = authorize(await getCurrentUser(), "edit");
  return (
    <div className="page-intro">
      <h1>New article</h1>
      <p className="muted">Paste the article as published. After saving, select words in it to record claims.</p>
      {access.ok ? <NewSourceForm /> : <PermissionNotice access={access} next="/sources/new" />}
    </div>
  );
}
