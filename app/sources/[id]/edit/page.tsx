import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { EditSourceDetailsForm, SourceTextForm } from "@/components/sources/edit-source-forms";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { parseId } from "@/lib/http/ids";
import { getSource } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correct a source" };

type Props = { params: Promise<{ id: string }> };

/** Correct a source's details, and add its article text (or a corrected copy). */
export default async function EditSourcePage({ params }: Props) {
  const id = parseId((await params).id);
  const source = id === null ? null : await getSource(id);
  if (!source) notFound();
  const access = authorize(await getCurrentUser(), "edit");
  const adding = source.text.length === 0;
  return (
    <div className="page-intro">
      <p className="muted">
        <Link href={`/sources/${source.id}`}>{source.title}</Link>
      </p>
      <h1>Correct the source</h1>
      {access.ok ? (
        <>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <EditSourceDetailsForm
              sourceId={source.id}
              version={source.version}
              initial={{ title: source.title, outlet: source.outlet, url: source.url ?? "", author: source.author ?? "", publishedAt: source.publishedAt?.slice(0, 10) ?? "" }}
            />
          </section>
          <section aria-labelledby="text-heading">
            <h2 id="text-heading">{adding ? "Add the article text" : "Replace the article text"}</h2>
            <p className="muted">
              {adding
                ? `This source was stored without its text. Paste it here and its ${source.highlights.length} quote${source.highlights.length === 1 ? "" : "s"} will be anchored in it.`
                : "Only for a corrected copy of the same article: every quote is looked for again in the new text."}
            </p>
            <SourceTextForm sourceId={source.id} version={source.version} text={source.text} />
          </section>
        </>
      ) : (
        <PermissionNotice access={access} next={`/sources/${source.id}/edit`} />
      )}
    </div>
  );
}
