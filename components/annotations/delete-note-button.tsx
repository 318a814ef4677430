"use client";

import { useActionState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { deleteAnnotationAction } from "@/lib/annotations/actions";
import { IDLE } from "@/lib/http/action-state";

export function DeleteNoteButton({ annotationId }: { annotationId: number }) {
  const [state, action, pending] = useActionState(deleteAnnotationAction, IDLE);
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(event) => {
        if (!window.confirm("Delete this note? Replies stay; the text is kept in the audit log.")) event.preventDefault();
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
