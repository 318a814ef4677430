"use client";

import { useState } from "react";
import { AttributionFields, type QuoteChoice } from "@/components/claims/attribution-fields";
import { FieldError, fieldErrorProps, FormFeedback, submitted } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { SimilarClaimsList } from "@/components/claims/similar-claims-list";
import { useSimilarClaims } from "@/components/claims/use-similar-claims";
import { createClaimAction } from "@/lib/claims/actions";

export function NewClaimForm({ sourceId, quote, topics, actorNames }: { sourceId: number; quote: QuoteChoice; topics: { key: string; label: string }[]; actorNames: string[] }) {
  const { state, pending, formProps } = useFormAction(createClaimAction);
  // The claim as typed, else the chosen quote: either may already be tracked in other words.
  const [typed, setTyped] = useState("");
  const similar = useSimilarClaims(typed.trim().length > 0 ? typed : (quote?.quote ?? ""));
  const attachHref = (claimId: number) =>
    quote ? `/sources/${sourceId}/attribute?start=${quote.start}&end=${quote.end}&claim=${claimId}` : `/sources/${sourceId}/attribute?claim=${claimId}`;
  return (
    <form {...formProps}>
      <div className="stack-form">
        <div className="field">
          <label htmlFor="claim-text">The claim, in neutral words</label>
          <textarea id="claim-text" name="text" rows={2} required defaultValue={submitted(state, "text")} onChange={(event) => setTyped(event.target.value)} {...fieldErrorProps(state, ["text"], "claim-text-error")} />
          <FieldError state={state} names={["text"]} id="claim-text-error" />
        </div>
        <div aria-live="polite">
          <SimilarClaimsList items={similar} heading="This may be a claim already tracked: attach the quote to it instead of creating a new one." actionLabel="Attach to this claim" actionHref={attachHref} />
        </div>
        <div className="field">
          <label htmlFor="claim-topic">Topic</label>
          <select id="claim-topic" name="topic" required defaultValue={submitted(state, "topic")} {...fieldErrorProps(state, ["topic"], "claim-topic-error")}>
            {/* No silent default: a claim filed under the first topic by accident is wrong without anyone noticing. */}
            <option value="">Choose a topic…</option>
            {topics.map((topic) => (
              <option key={topic.key} value={topic.key}>
                {topic.label}
              </option>
            ))}
          </select>
          <FieldError state={state} names={["topic"]} id="claim-topic-error" />
        </div>
      </div>
      <AttributionFields state={state} sourceId={sourceId} quote={quote} actorNames={actorNames} />
      <FormFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Creating…" : "Create claim"}
      </button>
    </form>
  );
}
