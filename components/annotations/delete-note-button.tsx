"use client";

import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { deleteAnnotationAction } from "@/lib/annotations/actions";
import { IDLE } from "@/lib/http/action-state";

export function DeleteNoteButton({ annotationId }: { annotationId: number }) {
  const { state, pending, formProps } = useFormAction(deleteAnnotationAction);
  return (
    <form
      {...formProps}
      className="inline-form"
      onSubmit={(event) => {
        if (!window.confirm("Delete this note? Replies stay; the text is kept in the audit log.")) event.preventDefault();
        formProps.onSubmit(event);
      }}
    >
      <input type="hidden" name="annotationId" value={annotationId} />
      <button type="submit" disabled={pending}>
        Delete
      </button>
      <FormFeedback state={state.status === "error" ? state : IDLE} />
    </form>
  );
}
