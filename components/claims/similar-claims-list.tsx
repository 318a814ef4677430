import Link from "next/link";
import type { SimilarChoice } from "@/components/claims/use-similar-claims";

/**
 * Claims already tracked that are likely the same claim, each with its topic, the words
 * that matched and one action (attach a quote to it, or compare and merge).
 */
export function SimilarClaimsList({ items, heading, actionLabel, actionHref }: { items: SimilarChoice[]; heading: string; actionLabel: string; actionHref: (id: number) => string }) {
  if (items.length === 0) return null;
  return (
    <div className="similar-claims">
      <p className="similar-claims__heading">{heading}</p>
      <ul className="similar-claims__list">
        {items.map((item) => (
          <li key={item.id}>
            <Link className="button button--primary" href={actionHref(item.id)} aria-label={`${actionLabel}: ${item.text}`}>
              {actionLabel}
            </Link>{" "}
            <Link href={`/claims/${item.id}`}>{item.text}</Link> <span className="muted">({item.topic.label}; matched: {item.matchedWords.join(", ")})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
