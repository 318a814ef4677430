import type { Metadata } from "next";
import Link from "next/link";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { FormattedDate } from "@/components/ui/formatted-date";
import { adminAccess } from "@/lib/admin/guard";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

/** Stored field names shown in the words the pages use (an account is "disabled", not "banned"). */
const UI_WORDS: Record<string, string> = { banned: "disabled" };

/** Pretty JSON, or a dash. Values are shown as text, never as markup. */
function json(value: string | null) {
  if (!value) return <span className="muted">—</span>;
  try {
    return (
      <pre className="audit-json" tabIndex={0}>
        {JSON.stringify(JSON.parse(value), null, 2).replace(/"(\w+)":/g, (whole, key: string) => (key in UI_WORDS ? `"${UI_WORDS[key]}":` : whole))}
      </pre>
    );
  } catch {
    return (
      <pre className="audit-json" tabIndex={0}>
        {value}
      </pre>
    );
  }
}

/** "Keep mine" after a refused stale edit: the entry says which version it replaced. */
function replaced(after: string | null): string {
  try {
    const version = after ? (JSON.parse(after) as { overwrote?: unknown }).overwrote : undefined;
    return typeof version === "number" ? `, replacing version ${version}` : "";
  } catch {
    return "";
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const access = await adminAccess();
  if (!access.ok) return <PermissionNotice access={access} next="/admin/audit" />;
  const before = Number((await searchParams).before);
  const entries = await listAuditEntries(Number.isInteger(before) && before > 0 ? before : null);
  const last = entries.at(-1);
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every write, newest first: who, when, what, and the record before and after.</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <FormattedDate iso={entry.createdAt} withTime />
              </td>
              <td>{entry.userEmail ? <span title={entry.userEmail}>{entry.userName || entry.userEmail}</span> : <span className="muted">system</span>}</td>
              <td>
                {entry.action.replace(/_/g, " ")} {entry.entityType}{" "}
                {entry.entityType === "claim" ? <Link href={`/claims/${entry.entityId}`}>{entry.entityId}</Link> : <code>{entry.entityId}</code>}
                {replaced(entry.after)}
              </td>
              <td>{json(entry.before)}</td>
              <td>{json(entry.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === AUDIT_PAGE_SIZE && last ? (
        <p>
          <Link href={`/admin/audit?before=${last.id}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
