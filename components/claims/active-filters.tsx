import Link from "next/link";
import { ACTOR_ROLE_LABELS, type ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryHref, withChanges } from "@/lib/claims/query/claim-query-url";
import type { Facets } from "@/lib/claims/search/facets";
import { STANCE_LABELS } from "@/lib/vocabulary/terms";

type Chip = { key: string; label: string; remove: Partial<ClaimQuery> };

/** Every active filter as a removable chip, plus "clear all". Labels come from the facets. */
export function ActiveFilters({ query, facets, basePath = "/claims" }: { query: ClaimQuery; facets: Facets; basePath?: string }) {
  const label = (facet: keyof Facets, value: string) => facets[facet].find((option) => option.value === value)?.label ?? value;
  const chips: Chip[] = [
    ...(query.q ? [{ key: "q", label: `Search: “${query.q}”`, remove: { q: undefined } }] : []),
    ...query.status.map((value) => ({ key: `status-${value}`, label: `Status: ${label("status", value)}`, remove: { status: query.status.filter((v) => v !== value) } })),
    ...query.topic.map((value) => ({ key: `topic-${value}`, label: `Topic: ${label("topic", value)}`, remove: { topic: query.topic.filter((v) => v !== value) } })),
    ...query.stance.map((value) => ({ key: `stance-${value}`, label: `Stance: ${STANCE_LABELS[value]}`, remove: { stance: query.stance.filter((v) => v !== value) } })),
    ...query.actor.map((value) => ({
      key: `actor-${value}`,
      label: `${capitalise(ACTOR_ROLE_LABELS[query.role])}: ${label("actor", String(value))}`.replace("In any role: ", "Actor: "),
      remove: { actor: query.actor.filter((v) => v !== value) },
    })),
    ...query.source.map((value) => ({ key: `source-${value}`, label: `Source: ${label("source", String(value))}`, remove: { source: query.source.filter((v) => v !== value) } })),
    ...(query.contested !== undefined ? [{ key: "contested", label: query.contested ? "Contested" : "Not contested", remove: { contested: undefined } }] : []),
    ...(query.from ? [{ key: "from", label: `Published from ${query.from}`, remove: { from: undefined } }] : []),
    ...(query.to ? [{ key: "to", label: `Published until ${query.to}`, remove: { to: undefined } }] : []),
  ];
  if (chips.length === 0) return null;
  const cleared: ClaimQuery = { ...withChanges(query, { q: undefined, status: [], topic: [], stance: [], actor: [], role: "any", source: [], contested: undefined, from: undefined, to: undefined, updatedSince: undefined, afterId: undefined }), sort: "updated", desc: true };
  return (
    <div className="active-filters" aria-label="Active filters" role="group">
      <ul>
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link className="chip" href={claimQueryHref(basePath, withChanges(query, chip.remove))} scroll={false}>
              {chip.label} <span aria-hidden="true">×</span>
              <span className="visually-hidden"> (remove this filter)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={claimQueryHref(basePath, cleared)} className="clear-all">
        Clear all
      </Link>
    </div>
  );
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
