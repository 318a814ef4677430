import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { AddAttributionForm } from "@/components/claims/add-attribution-form";
import { listActorNames } from "@/lib/actors/queries";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadClaimRecords } from "@/lib/claims/records";
import { parseId } from "@/lib/http/ids";
import { getSource } from "@/lib/sources/queries";
import { quoteFromParams } from "@/lib/sources/quote-from-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add an attribution" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ start?: string | string[]; end?: string | string[]; claim?: string | string[] }> };

export default async function AttributePage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  const source = id === null ? null : await getSource(id);
  if (!source) notFound();
  const { start, end, claim } = await searchParams;
  const access = authorize(await getCurrentUser(), "edit");
  const quote = quoteFromParams(source.text, start, end);
  // "Attach to this claim" from a likely match: that claim comes chosen.
  const claimId = typeof claim === "string" ? parseId(claim) : null;
  const [initial] = claimId === null ? [] : await loadClaimRecords([claimId]);
  const claims = [...new Map(source.highlights.map((h) => [h.claimId, { id: h.claimId, text: h.claimText }])).values()];
  return (
    <div className="page-intro">
      <p className="muted">
        <Link href={`/sources/${source.id}`}>{source.title}</Link>
      </p>
      <h1>Add this quote to an existing claim</h1>
      {access.ok ? (
        <AddAttributionForm sourceId={source.id} quote={quote} claims={claims} actorNames={await listActorNames()} initialClaim={initial ? { id: initial.id, text: initial.text } : null} />
      ) : (
        <PermissionNotice access={access} next={`/sources/${source.id}`} />
      )}
    </div>
  );
}
