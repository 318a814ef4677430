import type { Metadata } from "next";
import { EditStatusForm, NewStatusForm } from "@/components/admin/vocabulary-forms";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { StatusBadge } from "@/components/claims/status-badge";
import { adminAccess } from "@/lib/admin/guard";
import { listStatusesWithUsage } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Statuses" };

export default async function StatusesPage() {
  const access = await adminAccess();
  if (!access.ok) return <PermissionNotice access={access} next="/admin/statuses" />;
  const statuses = await listStatusesWithUsage();
  return (
    <>
      <h1>Verdict statuses</h1>
      <ul className="plain-list">
        {statuses.map((status) => (
          <li key={status.key}>
            <details>
              <summary>
                <StatusBadge status={status} /> <code>{status.key}</code> · {status.claimCount} claims · {status.isFinal ? "final verdict" : "workflow state"}
                {status.ratingValue ? ` · rating ${status.ratingValue}/5` : ""}
              </summary>
              <EditStatusForm values={status} />
            </details>
          </li>
        ))}
      </ul>
      <h2>New status</h2>
      <NewStatusForm />
    </>
  );
}
