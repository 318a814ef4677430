import type { Metadata } from "next";
import Link from "next/link";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { adminAccess } from "@/lib/admin/guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const access = await adminAccess();
  if (!access.ok) return <PermissionNotice access={access} next="/admin" />;
  return (
    <div className="page-intro">
      <h1>Admin</h1>
      <ul>
        <li>
          <Link href="/admin/users">Users and roles</Link>
        </li>
        <li>
          <Link href="/admin/statuses">Verdict statuses</Link>
        </li>
        <li>
          <Link href="/admin/topics">Topics</Link>
        </li>
        <li>
          <Link href="/admin/audit">Audit log</Link>
        </li>
      </ul>
      <h2>Archive</h2>
      <p>
        {/* A plain link: a file download, not a page for the client router. */}
        <a href="/admin/archive.jsonl.gz" download>
          Download the whole database as an archive
        </a>{" "}
        (gzipped JSON Lines: sources, claims, attributions, histories, notes and the audit log; people by display name, no logins). Load it into a new
        database with <code>npm run db:unarchive</code>; see docs/archive.md.
      </p>
    </div>
  );
}
