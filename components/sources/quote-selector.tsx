"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { SimilarClaimsList } from "@/components/claims/similar-claims-list";
import { useSimilarClaims } from "@/components/claims/use-similar-claims";
import { selectionOffsets } from "@/lib/sources/selection";

/**
 * Wraps the article for fact-checkers: selecting words offers "new claim from this quote"
 * and "add attribution to an existing claim", carrying the exact offsets; when a claim
 * already tracked is likely the same claim (GET /api/claims/similar), "attach to this
 * claim" comes first, with that claim already chosen. The panel is a
 * live region so the choice is announced; a typed quote works too (see the form). The
 * panel has a fixed height (globals.css), so showing a selection never moves the article
 * under a mouse that is still selecting.
 */
export function QuoteSelector({ sourceId, text, children }: { sourceId: number; text: string; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);

  useEffect(() => {
    const update = () => {
      if (container.current) setSelected(selectionOffsets(container.current, text));
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [text]);

  const query = selected ? `source=${sourceId}&start=${selected.start}&end=${selected.end}` : "";
  const similar = useSimilarClaims(selected ? text.slice(selected.start, selected.end) : "");
  return (
    <div className="quote-selector">
      <div className="quote-selector__panel" aria-live="polite">
        {selected ? (
          <>
            <p className="quote-selector__selected">
              Selected: <q className="quote-selector__quote">{text.slice(selected.start, selected.end)}</q>{" "}
              <span className="muted">
                (characters {selected.start}–{selected.end})
              </span>
            </p>
            <SimilarClaimsList
              items={similar}
              heading="Possibly already tracked:"
              actionLabel="Attach to this claim"
              actionHref={(claimId) => `/sources/${sourceId}/attribute?start=${selected.start}&end=${selected.end}&claim=${claimId}`}
            />
            <p className="quote-selector__actions">
              <Link className="button button--primary" href={`/claims/new?${query}`}>
                New claim from this quote
              </Link>{" "}
              <Link className="button" href={`/sources/${sourceId}/attribute?start=${selected.start}&end=${selected.end}`}>
                Add attribution to an existing claim
              </Link>
            </p>
          </>
        ) : (
          <p className="muted">
            Select words in the article to make a claim from them, or <Link href={`/claims/new?source=${sourceId}`}>type a quote instead</Link>.
          </p>
        )}
      </div>
      {/* A drag that starts inside a highlighted quote selects words; it must not also follow the quote's link. */}
      <div ref={container} onClickCapture={(event) => {
        if (!window.getSelection()?.isCollapsed && (event.target as Element).closest("a.highlight")) event.preventDefault();
      }}>
        {children}
      </div>
    </div>
  );
}
