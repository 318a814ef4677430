import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/import/import-form";
import styles from "@/components/import/import.module.css";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/import/limits";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import attributions" };

/** Import attributions.csv: anyone may read how; only fact-checkers and admins may do it. */
export default async function ImportPage() {
  const user = await getCurrentUser();
  const access = authorize(user, "edit");
  return (
    <div className="page-intro">
      <h1>Import attributions</h1>
      <p>
        Upload a CSV file with the columns of <a href="/export/attributions.csv">attributions.csv</a> (one row per attribution: claim, actor,
        source, quote). <strong>Check</strong> reads the whole file and lists every problem with its line and column; <strong>Import</strong>{" "}
        writes everything in one go, or nothing if any row is wrong. Importing the same file twice adds nothing the second time.
      </p>
      <p>
        The <Link href="/docs/export#import">data dictionary</Link> defines every column and how rows are matched to existing claims, actors and
        sources.
      </p>
      {!access.ok ? (
        <p className={`form-message form-message--error ${styles.notice}`} role="status">
          {access.status === 401 ? (
            <>
              Importing needs a fact-checker or admin account. <Link href="/sign-in?next=/import">Sign in</Link> first; until then the file can not be
              checked or imported.
            </>
          ) : (
            <>{access.message} Ask an administrator for the fact-checker role.</>
          )}
        </p>
      ) : null}
      <ImportForm maxLabel={MAX_IMPORT_LABEL} maxBytes={MAX_IMPORT_BYTES} />
    </div>
  );
}
