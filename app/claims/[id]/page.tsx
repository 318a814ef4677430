import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { StanceLabel } from "@/components/claims/stance-label";
import { StatusBadge } from "@/components/claims/status-badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import { getClaimDetail, type AttributionDetail } from "@/lib/claims/claim-detail";
import { parseId } from "@/lib/http/ids";
import { ACCURACY_LABELS, humanise } from "@/lib/vocabulary/terms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function loadClaim(params: Props["params"]) {
  const id = parseId((await params).id);
  const claim = id === null ? null : getClaimDetail(id);
  if (!claim) notFound();
  return claim;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const claim = id === null ? null : getClaimDetail(id);
  return { title: claim ? claim.text : "Claim not found" };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await loadClaim(params);
  return (
    <article>
      <p className="muted">
        <Link href="/claims">Claims</Link> / <Link href={`/claims?topic=${encodeURIComponent(claim.topic.key)}`}>{claim.topic.label}</Link>
      </p>
      <h1>{claim.text}</h1>
      <p>
        <StatusBadge status={claim.status} /> {claim.contested ? <strong>Contested</strong> : null}{" "}
        <span className="muted">
          · {claim.attributions.length} attribution{claim.attributions.length === 1 ? "" : "s"} in {claim.sourceCount} source
          {claim.sourceCount === 1 ? "" : "s"} · updated <FormattedDate iso={claim.updatedAt} withTime /> · version {claim.version}
        </span>
      </p>

      <h2>Who said what</h2>
      {claim.attributions.map((attribution) => (
        <AttributionCard key={attribution.id} attribution={attribution} />
      ))}
    </article>
  );
}

function AttributionCard({ attribution }: { attribution: AttributionDetail }) {
  return (
    <section className="card" id={`attribution-${attribution.id}`} aria-labelledby={`attribution-${attribution.id}-heading`}>
      <h3 id={`attribution-${attribution.id}-heading`} className="visually-hidden">
        {attribution.actor.name} {attribution.stance}
      </h3>
      <AttributionChain attribution={attribution} />
      <p>
        <StanceLabel stance={attribution.stance} />
        {attribution.verb ? <> — “{attribution.verb}”</> : null}
        <span className="muted">
          {" "}
          · sourcing: {humanise(attribution.sourcing)} · accuracy: {ACCURACY_LABELS[attribution.accuracy]}
        </span>
      </p>
      {attribution.context ? (
        <blockquote className="quote-context">
          {attribution.context.before}
          <mark>{attribution.context.quote}</mark>
          {attribution.context.after}
        </blockquote>
      ) : (
        <>
          <blockquote className="quote-context">{attribution.quote.exact}</blockquote>
          <p className="warning">This quote could not be found at its recorded place in the stored article text.</p>
        </>
      )}
      {attribution.anchored ? (
        <p>
          <Link href={`/sources/${attribution.source.id}?quote=${attribution.id}#quote-${attribution.id}`}>Show in the article</Link>
        </p>
      ) : null}
    </section>
  );
}
