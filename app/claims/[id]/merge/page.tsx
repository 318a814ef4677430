import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionNotice } from "@/components/auth/permission-notice";
import { MergeClaimForm } from "@/components/claims/merge-claim-form";
import { StanceLabel } from "@/components/claims/stance-label";
import { StatusBadge } from "@/components/claims/status-badge";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadClaimRecords, type ClaimRecord } from "@/lib/claims/records";
import { similarAnswer } from "@/lib/claims/similar/answer";
import { parseId } from "@/lib/http/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare and merge claims" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ into?: string | string[] }> };

/**
 * Two claims side by side, and the form that merges the first into the second
 * (docs/decisions/056). Without `into`, the claims likely the same as this one to choose from.
 */
export default async function MergeClaimPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  const { into } = await searchParams;
  const intoId = typeof into === "string" ? parseId(into) : null;
  const [claim, other] = await loadClaimRecords([id ?? 0, intoId ?? 0]).then((records) => [records.find((r) => r.id === id), records.find((r) => r.id === intoId)]);
  if (!claim) notFound();
  const access = authorize(await getCurrentUser(), "edit");
  if (!other || other.id === claim.id) {
    const similar = await similarAnswer(claim.text, 10, claim.id);
    return (
      <div className="page-intro">
        <p className="muted">
          <Link href={`/claims/${claim.id}`}>Claim {claim.id}</Link>
        </p>
        <h1>Merge “{claim.text}” into another claim</h1>
        <p>Choose the claim it is the same as:</p>
        {similar.items.length === 0 ? <p className="muted">No similar claim found.</p> : null}
        <ul className="similar-claims__list">
          {similar.items.map((item) => (
            <li key={item.id}>
              <Link href={`/claims/${claim.id}/merge?into=${item.id}`}>{item.text}</Link> <span className="muted">({item.topic.label}, score {item.score.toFixed(2)})</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const verdictsDiffer = claim.status.key !== other.status.key;
  return (
    <div>
      <p className="muted">
        <Link href={`/claims/${claim.id}`}>Claim {claim.id}</Link> · <Link href={`/claims/${other.id}`}>Claim {other.id}</Link>
      </p>
      <h1>Compare and merge</h1>
      <div className="merge-compare">
        <ClaimColumn claim={claim} heading={`Claim ${claim.id}: merged, then redirects`} />
        <ClaimColumn claim={other} heading={`Claim ${other.id}: stays, gets everything`} />
      </div>
      <p>
        <Link href={`/claims/${other.id}/merge?into=${claim.id}`}>Keep claim {claim.id} instead and merge the other way</Link>
      </p>
      {access.ok ? (
        <MergeClaimForm
          claimId={claim.id}
          into={other.id}
          version={claim.version}
          verdicts={verdictsDiffer ? { merged: { label: claim.status.label }, into: { label: other.status.label } } : null}
        />
      ) : (
        <PermissionNotice access={access} next={`/claims/${claim.id}/merge?into=${other.id}`} />
      )}
    </div>
  );
}

function ClaimColumn({ claim, heading }: { claim: ClaimRecord; heading: string }) {
  const headingId = `merge-claim-${claim.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>
        <strong>{claim.text}</strong>
      </p>
      <p>
        <StatusBadge status={claim.status} /> <span className="muted">· {claim.topic.label} · {claim.sourceCount} source{claim.sourceCount === 1 ? "" : "s"} · version {claim.version}</span>
      </p>
      <ul className="plain-list">
        {claim.attributions.map((attribution) => (
          <li key={attribution.id}>
            {attribution.actor.name} <StanceLabel stance={attribution.stance} /> in <em>{attribution.source.title}</em>: “{attribution.quote.exact}”
          </li>
        ))}
      </ul>
    </section>
  );
}
