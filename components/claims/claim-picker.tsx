"use client";

import { useEffect, useId, useState } from "react";
import { FieldError } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";

export type ClaimChoice = { id: number; text: string };

const SEARCH_DELAY_MS = 250;
const RESULTS = 8;

/**
 * Choosing the claim an attribution belongs to by its words, not its number (issue 10,
 * item 3: a typo in a number box once attached a denial to the wrong claim). The claims
 * already quoted in this article are one click away; any other is found by searching
 * its words (GET /api/claims?q=, the table's own search). The chosen claim's text stays
 * in view until the form is saved, and the choice survives a refused save.
 */
export function ClaimPicker({ state, claimsInSource, initialClaim = null }: { state: ActionState; claimsInSource: ClaimChoice[]; initialClaim?: ClaimChoice | null }) {
  // Chosen already when the user came from "attach to this claim" (a likely match of the quote).
  const [chosen, setChosen] = useState<ClaimChoice | null>(initialClaim);
  const [query, setQuery] = useState("");
  // Results remember the words they answer, so stale answers are never shown for new words.
  const [found, setFound] = useState<{ words: string; items: ClaimChoice[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();
  const errorId = `${ids}-claim-error`;

  useEffect(() => {
    const words = query.trim();
    if (words.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/claims?${new URLSearchParams({ q: words, pageSize: String(RESULTS) })}`, { signal: controller.signal });
        if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? `search failed (${response.status})`);
        const body = (await response.json()) as { items: ClaimChoice[] };
        setFound({ words, items: body.items.map(({ id, text }) => ({ id, text })) });
        setProblem(null);
      } catch (error) {
        if (!controller.signal.aborted) setProblem(error instanceof Error ? error.message : "the search failed");
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const words = query.trim();
  const results = words.length >= 2 && found?.words === words ? found.items : null;
  const choose = (claim: ClaimChoice) => {
    setChosen(claim);
    setQuery("");
  };

  return (
    <fieldset className="stack-form claim-picker">
      <legend>Claim</legend>
      <input type="hidden" name="claimId" value={chosen?.id ?? ""} />
      <div className="claim-picker__chosen" aria-live="polite">
        {chosen ? (
          <p>
            Chosen claim: <strong>{chosen.text}</strong> <span className="muted">(claim {chosen.id})</span>{" "}
            <button type="button" onClick={() => setChosen(null)}>
              Choose another
            </button>
          </p>
        ) : (
          <p className="muted">No claim chosen yet: pick one quoted in this article, or search for its words.</p>
        )}
      </div>
      <FieldError state={state} names={["claimId"]} id={errorId} />
      {claimsInSource.length > 0 ? (
        <div>
          <p id={`${ids}-in-source`}>Claims already quoted in this article</p>
          <ul className="claim-picker__list" aria-labelledby={`${ids}-in-source`}>
            {claimsInSource.map((claim) => (
              <li key={claim.id}>
                <button type="button" className="claim-picker__choice" aria-pressed={chosen?.id === claim.id} onClick={() => choose(claim)}>
                  {claim.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-search`}>Search all claims by their words</label>
        <input id={`${ids}-search`} type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="e.g. missiles" />
      </div>
      <div aria-live="polite">
        {problem ? <p className="field-error">Search: {problem}</p> : null}
        {results !== null ? (
          results.length === 0 ? (
            <p className="muted">No claim matches “{words}”.</p>
          ) : (
            <ul className="claim-picker__list" aria-label="Matching claims">
              {results.map((claim) => (
                <li key={claim.id}>
                  <button type="button" className="claim-picker__choice" onClick={() => choose(claim)}>
                    {claim.text}
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </fieldset>
  );
}
