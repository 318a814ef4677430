"use client";

import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { SourceDetailFields, type SourceDetailValues } from "@/components/sources/source-detail-fields";
import { setSourceTextAction, updateSourceDetailsAction } from "@/lib/sources/correction-actions";

/** Correct a source's headline, outlet, address, author or date. */
export function EditSourceDetailsForm({ sourceId, version, initial }: { sourceId: number; version: number; initial: SourceDetailValues }) {
  const edit = useVersionedEdit(updateSourceDetailsAction, { version: version, values: {} });
  const { state } = edit;
  return (
    <form {...edit.formProps} className="stack-form" aria-label="Correct the source's details">
      <input type="hidden" name="sourceId" value={sourceId} />
      <VersionFields edit={edit} />
      <SourceDetailFields state={state} initial={initial} />
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save the details" className="primary" />
    </form>
  );
}

/** Add the article text to a source stored without it, or replace it with a corrected copy. */
export function SourceTextForm({ sourceId, version, text }: { sourceId: number; version: number; text: string }) {
  const edit = useVersionedEdit(setSourceTextAction, { version: version, values: {} });
  const { state } = edit;
  const adding = text.length === 0;
  return (
    <form {...edit.formProps} className="stack-form" aria-label={adding ? "Add the article text" : "Replace the article text"}>
      <input type="hidden" name="sourceId" value={sourceId} />
      <VersionFields edit={edit} />
      <div className="field">
        <label htmlFor="source-text">{adding ? "Full text of the article" : "Corrected full text of the article"}</label>
        <textarea id="source-text" name="text" rows={16} required defaultValue={submitted(state, "text", text)} {...fieldErrorProps(state, ["text"], "source-text-error")} />
        <FieldError state={state} names={["text"]} id="source-text-error" />
        <span className="muted">Every quote of this source is looked for again in this text; those that move, change or cannot be found are listed on the source page.</span>
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label={adding ? "Add the text and anchor the quotes" : "Replace the text and re-anchor the quotes"} className="primary" />
    </form>
  );
}
