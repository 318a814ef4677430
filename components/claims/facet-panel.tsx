import Link from "next/link";
import { FiltersFold } from "@/components/claims/filters-fold";
import { ACTOR_ROLES, ACTOR_ROLE_LABELS, type ClaimQuery } from "@/lib/claims/query/claim-query";
import { claimQueryHref, withChanges } from "@/lib/claims/query/claim-query-url";
import type { FacetOption, Facets } from "@/lib/claims/search/facets";
import type { FacetName } from "@/lib/claims/search/filter-sql";
import type { Stance } from "@/lib/vocabulary/terms";
import { formatCount } from "@/lib/text/format";

/**
 * Facets as toggle links, Datasette-style: each option shows how many claims it would
 * leave given the other filters, and following it adds or removes it. Links work by
 * keyboard and without JavaScript, and every state has its own URL. On a phone they fold
 * behind a "Filters" button.
 */
export function FacetPanel({
  query,
  facets,
  missing = [],
  pending = false,
  basePath = "/claims",
}: {
  query: ClaimQuery;
  facets: Facets;
  /** Facets not counted within the facet time limit: said so, rather than shown empty. */
  missing?: readonly FacetName[];
  /** The counts are still on their way (streamed after the rows). */
  pending?: boolean;
  basePath?: string;
}) {
  const note = (facet: FacetName) =>
    pending ? "Counting…" : missing.includes(facet) ? "Not counted: these filters match too many claims to count in time." : undefined;
  const toggle = <T,>(values: T[], value: T) => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  const href = (changes: Partial<ClaimQuery>) => claimQueryHref(basePath, withChanges(query, changes));

  const active = query.status.length + query.topic.length + query.stance.length + query.actor.length + query.source.length + (query.contested === undefined ? 0 : 1);

  return (
    <FiltersFold active={active}>
      <aside aria-label="Filters" className="facets">
        <FacetGroup title="Status" options={facets.status} note={note("status")} href={(o) => href({ status: toggle(query.status, o.value) })} />
        <FacetGroup title="Topic" options={facets.topic} note={note("topic")} href={(o) => href({ topic: toggle(query.topic, o.value) })} />
        <FacetGroup title="Stance" options={facets.stance} note={note("stance")} href={(o) => href({ stance: toggle(query.stance, o.value as Stance) })} />
        <FacetGroup
          title="Contested"
          options={facets.contested}
          note={note("contested")}
          href={(o) => href({ contested: o.selected ? undefined : o.value === "true" })}
        />
        <FacetGroup title="Actor" options={facets.actor} note={note("actor")} href={(o) => href({ actor: toggle(query.actor, Number(o.value)) })}>
          {query.actor.length > 0 ? (
            <p className="facet-roles">
              <span className="muted">Role: </span>
              {ACTOR_ROLES.map((role, index) => (
                <span key={role}>
                  {index > 0 ? " · " : ""}
                  {role === query.role ? (
                    <strong aria-current="true">{ACTOR_ROLE_LABELS[role]}</strong>
                  ) : (
                    <Link href={href({ role })}>{ACTOR_ROLE_LABELS[role]}</Link>
                  )}
                </span>
              ))}
            </p>
          ) : null}
        </FacetGroup>
        <FacetGroup title="Source" options={facets.source} note={note("source")} href={(o) => href({ source: toggle(query.source, Number(o.value)) })} />
      </aside>
    </FiltersFold>
  );
}

function FacetGroup({
  title,
  options,
  note,
  href,
  children,
}: {
  title: string;
  options: FacetOption[];
  /** Said instead of the options when they are not counted (yet). */
  note: string | undefined;
  href: (option: FacetOption) => string;
  children?: React.ReactNode;
}) {
  const headingId = `facet-${title.toLowerCase()}`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      {note ? (
        <p className="muted facet-note">{note}</p>
      ) : options.length === 0 ? (
        <p className="muted">No options under the current filters.</p>
      ) : (
        <ul>
          {options.map((option) => (
            <li key={option.value}>
              <Link href={href(option)} className={option.selected ? "facet-option is-selected" : "facet-option"} scroll={false}>
                <span aria-hidden="true" className="facet-check">
                  {option.selected ? "☑" : "☐"}
                </span>{" "}
                {option.label}
                {option.selected ? <span className="visually-hidden"> (selected, follow to remove)</span> : null}{" "}
                <span className="facet-count">{formatCount(option.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
