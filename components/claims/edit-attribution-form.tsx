"use client";

import { AttributionFields } from "@/components/claims/attribution-fields";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { editAttributionAction } from "@/lib/claims/correction-actions";

export type EditableAttribution = {
  id: number;
  claimId: number;
  sourceId: number;
  version: number;
  actor: string;
  actorRole: string | null;
  stance: string;
  verb: string | null;
  sourcing: string;
  via: string[];
  quote: string;
  quoteStart: number | null;
  quoteEnd: number | null;
};

/** Correct who said it, how, through whom, and the exact words; the quote is anchored again on save. */
export function EditAttributionForm({ attribution, actorNames }: { attribution: EditableAttribution; actorNames: string[] }) {
  const edit = useVersionedEdit(editAttributionAction, { version: attribution.version, values: {} });
  const { state } = edit;
  return (
    <form {...edit.formProps} aria-label="Correct the attribution">
      <input type="hidden" name="attributionId" value={attribution.id} />
      <input type="hidden" name="claimId" value={attribution.claimId} />
      <input type="hidden" name="originalQuote" value={attribution.quote} />
      {attribution.quoteStart !== null && attribution.quoteEnd !== null ? (
        <>
          <input type="hidden" name="originalStart" value={attribution.quoteStart} />
          <input type="hidden" name="originalEnd" value={attribution.quoteEnd} />
        </>
      ) : null}
      <VersionFields edit={edit} />
      <AttributionFields
        state={state}
        sourceId={attribution.sourceId}
        quote={null}
        actorNames={actorNames}
        initial={{
          quote: attribution.quote,
          actor: attribution.actor,
          actorRole: attribution.actorRole ?? "",
          stance: attribution.stance,
          verb: attribution.verb ?? "",
          sourcing: attribution.sourcing,
          via: attribution.via.join("\n"),
        }}
      />
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save the attribution" className="primary" />
    </form>
  );
}
