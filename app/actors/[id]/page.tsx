import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EditActorForm, MergeActorForm } from "@/components/actors/actor-forms";
import { mergedInto } from "@/lib/actors/corrections";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleCan } from "@/lib/auth/roles";
import { StatusBadge } from "@/components/claims/status-badge";
import { getActor, listActorNames, type ActorClaim } from "@/lib/actors/queries";
import { parseId } from "@/lib/http/ids";
import { ACTOR_KIND_LABELS } from "@/lib/vocabulary/terms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const actor = id === null ? null : await getActor(id);
  return { title: actor ? actor.name : "Actor not found" };
}

const SECTIONS: { stance: ActorClaim["stance"]; heading: string; role: string }[] = [
  { stance: "asserts", heading: "Asserted", role: "asserted" },
  { stance: "denies", heading: "Denied", role: "denied" },
  { stance: "declines_to_clarify", heading: "Declined to clarify", role: "declined" },
  { stance: "reports", heading: "Reported", role: "relayed" },
  { stance: "relays", heading: "Relayed (as an intermediary)", role: "relayed" },
];

export default async function ActorPage({ params }: Props) {
  const id = parseId((await params).id);
  const actor = id === null ? null : await getActor(id);
  if (!actor) {
    // An actor merged into another: its old address leads to the one it became part of.
    const keptId = id === null ? null : await mergedInto(id);
    if (keptId !== null) redirect(`/actors/${keptId}`);
    notFound();
  }
  const user = await getCurrentUser();
  const canEdit = user !== null && roleCan(user.role, "edit");
  const editable = { id: actor.id, name: actor.name, kind: actor.kind, role: actor.role, aliases: actor.aliases, version: actor.version };
  return (
    <article>
      <p className="muted">
        <Link href="/actors">Actors</Link>
      </p>
      <h1>{actor.name}</h1>
      <p>
        {ACTOR_KIND_LABELS[actor.kind]}
        {actor.role ? ` · ${actor.role}` : ""}
        {actor.affiliation ? ` · ${actor.affiliation}` : ""}
      </p>
      {actor.aliases.length > 0 ? <p className="muted">Also known as: {actor.aliases.join(", ")}</p> : null}
      <p>
        <Link href={`/claims?actor=${actor.id}`}>All claims involving {actor.name} in the table</Link> ·{" "}
        <Link href={`/matrix?actor=${actor.id}`}>in the stance matrix</Link>
      </p>
      {canEdit ? (
        <>
          <details className="edit-panel">
            <summary>Correct this actor&apos;s name, kind, role or aliases</summary>
            <EditActorForm actor={editable} />
          </details>
          <details className="edit-panel">
            <summary>Merge into another actor (the same actor under another spelling)</summary>
            <MergeActorForm actor={editable} actorNames={await listActorNames()} />
          </details>
        </>
      ) : null}
      {SECTIONS.map((section) => {
        const claims = actor.claims.filter((claim) => claim.stance === section.stance);
        if (claims.length === 0) return null;
        return (
          <section key={section.stance} aria-labelledby={`section-${section.stance}`}>
            <h2 id={`section-${section.stance}`}>
              {section.heading} ({claims.length})
            </h2>
            <ul>
              {claims.map((claim) => (
                <li key={`${claim.attributionId}-${section.stance}`}>
                  <Link href={`/claims/${claim.claimId}#attribution-${claim.attributionId}`}>{claim.claimText}</Link>{" "}
                  <StatusBadge status={{ label: claim.statusLabel, colour: claim.statusColour }} />
                  <div className="muted">
                    {claim.speaker ? `${claim.speaker}'s words, ` : ""}
                    {claim.verb ? `“${claim.verb}”, ` : ""}in <Link href={`/sources/${claim.sourceId}?quote=${claim.attributionId}#quote-${claim.attributionId}`}>{claim.sourceTitle}</Link>:
                    “{claim.quote}”
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {actor.claims.length === 0 ? <p className="empty-state">No claims involve this actor yet.</p> : null}
    </article>
  );
}
