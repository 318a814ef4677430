import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { EditAttributionForm } from "@/components/claims/edit-attribution-form";
import { RemoveAttributionForm } from "@/components/claims/remove-attribution-form";
import { listActorNames } from "@/lib/actors/queries";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getAttributionForEditing } from "@/lib/claims/attribution-corrections";
import { parseId } from "@/lib/http/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correct an attribution" };

type Props = { params: Promise<{ id: string }> };

/** Correct or remove one attribution of a claim. */
export default async function EditAttributionPage({ params }: Props) {
  const id = parseId((await params).id);
  const attribution = id === null ? null : await getAttributionForEditing(id);
  if (!attribution) notFound();
  const access = authorize(await getCurrentUser(), "edit");
  return (
    <div className="page-intro">
      <p className="muted">
        <Link href={`/claims/${attribution.claimId}#attribution-${attribution.id}`}>{attribution.claimText}</Link> · quoted in{" "}
        <Link href={`/sources/${attribution.sourceId}`}>{attribution.sourceTitle}</Link>
      </p>
      <h1>Correct the attribution</h1>
      {access.ok ? (
        <>
          <p className="muted">
            Version {attribution.version}. Leave the quote as it is to keep its place in the article; changed words must occur exactly once in the article.
          </p>
          <EditAttributionForm attribution={attribution} actorNames={await listActorNames()} />
          <section aria-labelledby="remove-heading">
            <h2 id="remove-heading">Remove this attribution</h2>
            {attribution.siblingCount > 1 ? (
              <>
                <p className="muted">Its notes stay on the claim; the audit log keeps the attribution as it was.</p>
                <RemoveAttributionForm attributionId={attribution.id} version={attribution.version} />
              </>
            ) : (
              <p className="muted">This is the claim&apos;s only attribution, so it cannot be removed: correct it instead, or ask an admin to delete the claim.</p>
            )}
          </section>
        </>
      ) : (
        <PermissionNotice access={access} next={`/attributions/${attribution.id}/edit`} />
      )}
    </div>
  );
}
