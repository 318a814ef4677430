"use client";

import { useActionState } from "react";
import { AttributionFields, type QuoteChoice } from "@/components/claims/attribution-fields";
import { ClaimPicker, type ClaimChoice } from "@/components/claims/claim-picker";
import { FormFeedback } from "@/components/forms/form-feedback";
import { addAttributionAction } from "@/lib/claims/actions";
import { IDLE } from "@/lib/http/action-state";

/** Attach a quote to a claim already recorded: pick one quoted in this article, or find it by its words. */
export function AddAttributionForm({ sourceId, quote, claims, actorNames }: { sourceId: number; quote: QuoteChoice; claims: ClaimChoice[]; actorNames: string[] }) {
  const [state, action, pending] = useActionState(addAttributionAction, IDLE);
  return (
    <form action={action}>
      <ClaimPicker state={state} claimsInSource={claims} />
      <AttributionFields state={state} sourceId={sourceId} quote={quote} actorNames={actorNames} />
      <FormFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Adding…" : "Add attribution"}
      </button>
    </form>
  );
}
