import Link from "next/link";
import type { AttributionRecord } from "@/lib/claims/records";

/**
 * How the words travelled: speaker (role) → intermediaries → the source that printed
 * them. Rendered as an ordered list so a screen reader announces each link of the chain.
 */
export function AttributionChain({ attribution }: { attribution: AttributionRecord }) {
  const { actor, via, source } = attribution;
  return (
    <ol className="chain" aria-label="How the claim reached the source">
      <li>
        <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
        {actor.role ? <span className="muted"> ({actor.role})</span> : null}
      </li>
      {via.map((intermediary, index) => (
        <li key={`${intermediary.id}-${index}`}>
          <span className="muted">via </span>
          <Link href={`/actors/${intermediary.id}`}>{intermediary.name}</Link>
        </li>
      ))}
      <li>
        <Link href={`/sources/${source.id}`}>{source.title}</Link> <span className="muted">({source.outlet})</span>
      </li>
    </ol>
  );
}
