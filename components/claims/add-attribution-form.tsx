"use client";

import { AttributionFields, type QuoteChoice } from "@/components/claims/attribution-fields";
import { ClaimPicker, type ClaimChoice } from "@/components/claims/claim-picker";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { addAttributionAction } from "@/lib/claims/actions";

/** Attach a quote to a claim already recorded: pick one quoted in this article, or find it by its words. */
export function AddAttributionForm({ sourceId, quote, claims, actorNames, initialClaim = null }: { sourceId: number; quote: QuoteChoice; claims: ClaimChoice[]; actorNames: string[]; initialClaim?: ClaimChoice | null }) {
  const { state, pending, formProps } = useFormAction(addAttributionAction);
  return (
    <form {...formProps}>
      <ClaimPicker state={state} claimsInSource={claims} initialClaim={initialClaim} />
      <AttributionFields state={state} sourceId={sourceId} quote={quote} actorNames={actorNames} />
      <FormFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Adding…" : "Add attribution"}
      </button>
    </form>
  );
}
