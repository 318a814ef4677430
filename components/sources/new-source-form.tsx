"use client";

import { useActionState } from "react";
import { FieldError, fieldErrorProps, FormFeedback, submitted } from "@/components/forms/form-feedback";
import { SourceDetailFields } from "@/components/sources/source-detail-fields";
import { IDLE } from "@/lib/http/action-state";
import { createSourceAction } from "@/lib/sources/actions";

/** Paste an article: the text is stored exactly as pasted and quotes point into it. */
export function NewSourceForm() {
  const [state, action, pending] = useActionState(createSourceAction, IDLE);
  return (
    <form action={action} className="stack-form">
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
