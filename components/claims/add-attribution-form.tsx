"use client";

import { AttributionFields, type QuoteChoice } from "@/components/claims/attribution-fields";
import { FieldError, fieldErrorProps, FormFeedback, submitted } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { addAttributionAction } from "@/lib/claims/actions";

/** Attach a quote to a claim already recorded: pick one quoted in this article, or give its number. */
export function AddAttributionForm({ sourceId, quote, claims, actorNames }: { sourceId: number; quote: QuoteChoice; claims: { id: number; text: string }[]; actorNames: string[] }) {
  const { state, pending, formProps } = useFormAction(addAttributionAction);
  return (
    <form {...formProps}>
      <div className="stack-form">
        <div className="field">
          <label htmlFor="attribute-claim">Claim (number), e.g. from the claim&apos;s address /claims/12</label>
          <input
            id="attribute-claim"
            name="claimId"
            inputMode="numeric"
            list="claims-in-source"
            required
            defaultValue={submitted(state, "claimId")}
            {...fieldErrorProps(state, ["claimId"], "attribute-claim-error")}
          />
          <datalist id="claims-in-source">
            {claims.map((claim) => (
              <option key={claim.id} value={claim.id}>
                {claim.text}
              </option>
            ))}
          </datalist>
          <FieldError state={state} names={["claimId"]} id="attribute-claim-error" />
        </div>
        {claims.length > 0 ? (
          <details>
            <summary>Claims already quoted in this article</summary>
            <ul>
              {claims.map((claim) => (
                <li key={claim.id}>
                  <strong>{claim.id}</strong>: {claim.text}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <AttributionFields state={state} sourceId={sourceId} quote={quote} actorNames={actorNames} />
      <FormFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Adding…" : "Add attribution"}
      </button>
    </form>
  );
}
