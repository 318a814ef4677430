import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { NewClaimForm } from "@/components/claims/new-claim-form";
import { listActorNames } from "@/lib/actors/queries";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { parseId } from "@/lib/http/ids";
import { getSource } from "@/lib/sources/queries";
import { quoteFromParams } from "@/lib/sources/quote-from-params";
import { listTopics } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New claim" };

type Search = { source?: string | string[]; start?: string | string[]; end?: string | string[] };

export default async function NewClaimPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const sourceId = typeof params.source === "string" ? parseId(params.source) : null;
  const source = sourceId === null ? null : await getSource(sourceId);
  if (!source) notFound();
  const access = authorize(await getCurrentUser(), "edit");
  const quote = quoteFromParams(source.text, params.start, params.end);
  return (
    <div className="page-intro">
      <p className="muted">
        <Link href={`/sources/${source.id}`}>{source.title}</Link>
      </p>
      <h1>New claim from this article</h1>
      {access.ok ? (
        <NewClaimForm sourceId={source.id} quote={quote} topics={await listTopics()} actorNames={await listActorNames()} />
      ) : (
        <PermissionNotice access={access} next={`/sources/${source.id}`} />
      )}
    </div>
  );
}
