import Link from "next/link";
import type { SourceHighlight } from "@/lib/sources/queries";
import { segmentText } from "@/lib/sources/segments";

/**
 * The stored article text with every anchored quote marked and linked to its claim.
 * Quotes may overlap (two actors in one sentence); each run of text links to the most
 * specific (shortest) quote covering it, and the first run of each quote carries its id
 * so /sources/1#quote-12 scrolls to it.
 */
export function HighlightedArticle({ text, highlights, targetId }: { text: string; highlights: SourceHighlight[]; targetId: number | null }) {
  const anchored = highlights.filter((h) => h.anchored && h.start !== null && h.end !== null);
  const byId = new Map(anchored.map((h) => [h.attributionId, h]));
  const segments = segmentText(
    text,
    anchored.map((h) => ({ id: h.attributionId, start: h.start!, end: h.end! })),
  );
  const started = new Set<number>();

  return (
    <div className="article-text">
      {segments.map((segment) => {
        // data-start lets the quote selector turn a browser selection back into offsets.
        if (segment.spanIds.length === 0)
          return (
            <span key={segment.start} data-start={segment.start}>
              {segment.text}
            </span>
          );
        const covering = segment.spanIds.map((id) => byId.get(id)!);
        const innermost = covering.reduce((a, b) => (b.end! - b.start! < a.end! - a.start! ? b : a));
        const firstOf = covering.filter((h) => !started.has(h.attributionId));
        firstOf.forEach((h) => started.add(h.attributionId));
        const isTarget = targetId !== null && segment.spanIds.includes(targetId);
        const label = covering.map((h) => `${h.actorName} ${h.stance}: ${h.claimText}`).join("; ");
        return (
          <mark key={segment.start} className={isTarget ? "is-target" : undefined} data-attribution-ids={segment.spanIds.join(" ")}>
            {firstOf.map((h) => (
              <span key={h.attributionId} id={`quote-${h.attributionId}`} />
            ))}
            <Link className="highlight" data-start={segment.start} href={`/claims/${innermost.claimId}#attribution-${innermost.attributionId}`} title={label} draggable={false}>
              {segment.text}
            </Link>
          </mark>
        );
      })}
    </div>
  );
}
