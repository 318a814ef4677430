import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StanceLabel } from "@/components/claims/stance-label";
import { HighlightedArticle } from "@/components/sources/highlighted-article";
import { QuoteSelector } from "@/components/sources/quote-selector";
import { ReanchorReport } from "@/components/sources/reanchor-report";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleCan } from "@/lib/auth/roles";
import { FormattedDate } from "@/components/ui/formatted-date";
import { parseId } from "@/lib/http/ids";
import { getSource, findLatestReanchoring } from "@/lib/sources/queries";
import { countOf } from "@/lib/text/count-of";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ quote?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const source = id === null ? null : await getSource(id);
  return { title: source ? source.title : "Source not found" };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  const source = id === null ? null : await getSource(id);
  if (!source) notFound();
  const quoteParam = (await searchParams).quote;
  const targetId = typeof quoteParam === "string" ? parseId(quoteParam) : null;
  const unanchored = source.highlights.filter((h) => !h.anchored);
  const claimCount = new Set(source.highlights.map((h) => h.claimId)).size;
  const [user, reanchoring] = await Promise.all([getCurrentUser(), findLatestReanchoring(source.id)]);
  const canEdit = user !== null && roleCan(user.role, "edit");

  return (
    <article>
      <p className="muted">
        <Link href="/sources">Sources</Link>
      </p>
      <h1>{source.title}</h1>
      <p className="muted">
        {source.outlet}
        {source.author ? ` · ${source.author}` : ""} · <FormattedDate iso={source.publishedAt} />
        {source.url ? (
          <>
            {" "}
            · <a href={source.url} rel="noreferrer noopener">original</a>
          </>
        ) : null}{" "}
        · {countOf(claimCount, "claim")}, {countOf(source.highlights.length, "quote")} ·{" "}
        <Link href={`/claims?source=${source.id}`}>these claims in the table</Link>
        {canEdit ? (
          <>
            {" "}
            · <Link href={`/sources/${source.id}/edit`}>{source.text ? "Correct this source" : "Correct this source or add its text"}</Link>
          </>
        ) : null}
      </p>
      {source.text ? (
        <p className="muted">
          Stored snapshot, SHA-256 <code title={source.textSha256}>{source.textSha256.slice(0, 12)}…</code>. Highlighted passages
          link to their claims.
        </p>
      ) : null}
      {/* Without stored text nothing could be anchored: the notice below says why, not "could not be anchored". */}
      {unanchored.length > 0 && source.text ? (
        <div className="form-message form-message--error" role="status">
          {unanchored.length} quote{unanchored.length === 1 ? "" : "s"} could not be anchored in this text:{" "}
          {unanchored.map((h, index) => (
            <span key={h.attributionId}>
              {index > 0 ? "; " : ""}
              <Link href={`/claims/${h.claimId}#attribution-${h.attributionId}`}>“{h.quote}”</Link>
            </span>
          ))}
        </div>
      ) : null}
      {reanchoring ? <ReanchorReport reanchoring={reanchoring} /> : null}
      {source.text && canEdit ? (
        <QuoteSelector sourceId={source.id} text={source.text}>
          <HighlightedArticle text={source.text} highlights={source.highlights} targetId={targetId} />
        </QuoteSelector>
      ) : source.text ? (
        <HighlightedArticle text={source.text} highlights={source.highlights} targetId={targetId} />
      ) : (
        <p className="empty-state">No article text stored: this source was recorded without its text, so its quotes are listed below but cannot be shown in place.</p>
      )}

      <h2>Quotes in this article</h2>
      <ol>
        {source.highlights.map((h) => (
          <li key={h.attributionId}>
            <Link href={`/sources/${source.id}?quote=${h.attributionId}#quote-${h.attributionId}`}>“{h.quote}”</Link> — {h.actorName}{" "}
            <StanceLabel stance={h.stance} />: <Link href={`/claims/${h.claimId}`}>{h.claimText}</Link>
          </li>
        ))}
      </ol>
    </article>
  );
}
