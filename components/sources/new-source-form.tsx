"use client";

import { FieldError, fieldErrorProps, FormFeedback, submitted } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { SourceDetailFields } from "@/components/sources/source-detail-fields";
import { createSourceAction } from "@/lib/sources/actions";

/** Paste an article: the text is stored exactly as pasted and quotes point into it. */
export function NewSourceForm() {
  const { state, pending, formProps } = useFormAction(createSourceAction);
  return (
    <form {...formProps} className="stack-form">
      <SourceDetailFields state={state} />
      <div className="field">
        <label htmlFor="source-text">Full text of the article</label>
        <textarea id="source-text" name="text" rows={16} required defaultValue={submitted(state, "text")} {...fieldErrorProps(state, ["text"], "source-text-error")} />
        <FieldError state={state} names={["text"]} id="source-text-error" />
      </div>
      <FormFeedback state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Saving…" : "Save the article"}
      </button>
    </form>
  );
}
