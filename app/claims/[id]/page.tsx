import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AnnotationThread } from "@/components/annotations/annotation-thread";
import { NoteForm } from "@/components/annotations/note-form";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { ClaimReviewScript } from "@/components/claims/claim-review-script";
import { DeleteClaimForm } from "@/components/claims/delete-claim-form";
import { EditClaimForm } from "@/components/claims/edit-claim-form";
import { StanceLabel } from "@/components/claims/stance-label";
import { StatusBadge } from "@/components/claims/status-badge";
import { AccuracyForm } from "@/components/review/accuracy-form";
import { StatusHistory } from "@/components/review/status-history";
import { VerdictForm } from "@/components/review/verdict-form";
import { FormattedDate } from "@/components/ui/formatted-date";
import { listAnnotations, type AnnotationView } from "@/lib/annotations/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleCan, type CurrentUser } from "@/lib/auth/roles";
import { getClaimDetail, type AttributionDetail } from "@/lib/claims/claim-detail";
import { findClaimTombstone, type ClaimTombstoneView } from "@/lib/claims/delete-claim";
import { findMergeTarget } from "@/lib/claims/merge-claim";
import { similarAnswer } from "@/lib/claims/similar/answer";
import { parseId } from "@/lib/http/ids";
import { listAccuracyChanges, listStatusChanges, type AccuracyChangeView } from "@/lib/review/queries";
import { listStatuses, listTopics } from "@/lib/vocabulary/queries";
import { ACCURACY_LABELS, humanise } from "@/lib/vocabulary/terms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const claim = id === null ? null : await getClaimDetail(id);
  if (claim) return { title: claim.text };
  return { title: id !== null && (await findClaimTombstone(id)) ? "Deleted claim" : "Claim not found" };
}

export default async function ClaimPage({ params }: Props) {
  const id = parseId((await params).id);
  const claim = id === null ? null : await getClaimDetail(id);
  if (!claim) {
    // A merged claim's page moves, permanently, to the claim it was merged into.
    const mergedInto = id === null ? null : await findMergeTarget(id);
    if (mergedInto !== null) permanentRedirect(`/claims/${mergedInto}`);
    const tombstone = id === null ? null : await findClaimTombstone(id);
    if (tombstone) return <DeletedClaim tombstone={tombstone} />;
    notFound();
  }
  const [user, history, accuracyHistory, notes, similar] = await Promise.all([
    getCurrentUser(),
    listStatusChanges(claim.id),
    listAccuracyChanges(claim.attributions.map((a) => a.id)),
    listAnnotations(claim.id),
    similarAnswer(claim.text, 5, claim.id),
  ]);
  const sameClaims = similar.items.filter((item) => item.likely);
  const canEdit = user !== null && roleCan(user.role, "edit");
  const canDelete = user !== null && roleCan(user.role, "admin");
  const claimNotes = notes.filter((note) => note.attributionId === null);

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
      {canEdit ? (
        <details className="edit-panel">
          <summary>Edit the claim&apos;s wording or topic</summary>
          <EditClaimForm claimId={claim.id} version={claim.version} text={claim.text} topic={claim.topic.key} topics={await listTopics()} />
        </details>
      ) : null}
      {canDelete ? (
        <details className="edit-panel">
          <summary>Delete this claim (admin)</summary>
          <p className="muted">A tombstone keeps its number, the reason, who deleted it and when; its quotes, verdicts and notes are kept in the audit log.</p>
          <DeleteClaimForm claimId={claim.id} version={claim.version} />
        </details>
      ) : null}

      {sameClaims.length > 0 ? (
        <section aria-labelledby="same-claim-heading">
          <h2 id="same-claim-heading">Possibly the same claim</h2>
          <ul className="similar-claims__list">
            {sameClaims.map((item) => (
              <li key={item.id}>
                <Link href={`/claims/${item.id}`}>{item.text}</Link> <span className="muted">({item.topic.label}; matched: {item.matchedWords.join(", ")})</span>{" "}
                <Link href={`/claims/${claim.id}/merge?into=${item.id}`} aria-label={`Compare and merge with: ${item.text}`}>
                  Compare and merge
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">Verdict</h2>
        {canEdit ? (
          <VerdictForm claimId={claim.id} version={claim.version} currentStatus={claim.status.key} statuses={await listStatuses()} />
        ) : user ? null : (
          <p className="muted">
            <Link href={`/sign-in?next=/claims/${claim.id}`}>Sign in</Link> as a fact-checker to set the verdict.
          </p>
        )}
        {claim.status.isFinal ? <ClaimReviewScript claimId={claim.id} showNotice={canEdit} /> : null}
        <h3>History</h3>
        <StatusHistory changes={history} />
      </section>

      <section aria-labelledby="attributions-heading">
        <h2 id="attributions-heading">Who said what</h2>
        {claim.attributions.map((attribution) => (
          <AttributionCard
            key={attribution.id}
            attribution={attribution}
            accuracyHistory={accuracyHistory.filter((change) => change.attributionId === attribution.id)}
            notes={notes.filter((note) => note.attributionId === attribution.id)}
            claimId={claim.id}
            user={user}
          />
        ))}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <AnnotationThread notes={claimNotes} claimId={claim.id} user={user} />
        {canEdit ? <NoteForm mode="add" claimId={claim.id} label="Add a note on this claim" /> : null}
      </section>
    </article>
  );
}

/** What is left of a deleted claim: its words, and who deleted it, when and why. */
function DeletedClaim({ tombstone }: { tombstone: ClaimTombstoneView }) {
  return (
    <article>
      <p className="muted">
        <Link href="/claims">Claims</Link>
      </p>
      <h1>Deleted claim</h1>
      <div className="form-message form-message--error" role="status">
        <p>
          Claim {tombstone.claimId} was deleted on <FormattedDate iso={tombstone.deletedAt} withTime />
          {tombstone.deletedBy ? ` by ${tombstone.deletedBy}` : ""}: “{tombstone.reason}”
        </p>
      </div>
      <p>It read: “{tombstone.text}” ({tombstone.topic}).</p>
      <p className="muted">Its attributions, verdict history and notes are kept in the audit log.</p>
    </article>
  );
}

function AttributionCard({
  attribution,
  accuracyHistory,
  notes,
  claimId,
  user,
}: {
  attribution: AttributionDetail;
  accuracyHistory: AccuracyChangeView[];
  notes: AnnotationView[];
  claimId: number;
  user: CurrentUser | null;
}) {
  const canEdit = user !== null && roleCan(user.role, "edit");
  const headingId = `attribution-${attribution.id}-heading`;
  return (
    <section className="card" id={`attribution-${attribution.id}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        {attribution.actor.name} {attribution.stance}
      </h3>
      <AttributionChain attribution={attribution} />
      <p>
        <StanceLabel stance={attribution.stance} />
        {attribution.verb ? <> — “{attribution.verb}”</> : null}
        <span className="muted">
          {" "}
          · sourcing: {humanise(attribution.sourcing)} · accuracy: <strong>{ACCURACY_LABELS[attribution.accuracy]}</strong>
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
      {accuracyHistory.length > 0 ? (
        <details>
          <summary>Accuracy history ({accuracyHistory.length})</summary>
          <ol className="history">
            {accuracyHistory.map((change) => (
              <li key={change.id}>
                <FormattedDate iso={change.at} withTime /> · <strong>{change.by}</strong>: {humanise(change.from)} → {humanise(change.to)} — {change.rationale}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {canEdit ? (
        <p>
          <Link href={`/attributions/${attribution.id}/edit`}>Correct or remove this attribution</Link>
        </p>
      ) : null}
      {canEdit ? (
        <details>
          <summary>Check this attribution</summary>
          <AccuracyForm attributionId={attribution.id} version={attribution.version} current={attribution.accuracy} />
        </details>
      ) : null}
      {notes.length > 0 ? <AnnotationThread notes={notes} claimId={claimId} user={user} /> : null}
      {canEdit ? (
        <details>
          <summary>Add a note on this attribution</summary>
          <NoteForm mode="add" claimId={claimId} attributionId={attribution.id} label="Note on this attribution" />
        </details>
      ) : null}
    </section>
  );
}
