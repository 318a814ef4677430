"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { addAnnotationAction, editAnnotationAction } from "@/lib/annotations/actions";
import { IDLE } from "@/lib/http/action-state";

type Props =
  | { mode: "add"; claimId: number; attributionId?: number; parentId?: number; label: string }
  | { mode: "edit"; annotationId: number; version: number; body: string; label: string };

/** Write a note, a reply, or edit one's own note. Markdown is allowed; HTML is shown as text. */
export function NoteForm(props: Props) {
  const [state, action, pending] = useActionState(props.mode === "add" ? addAnnotationAction : editAnnotationAction, IDLE);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.status === "success" && props.mode === "add" && textarea.current) textarea.current.value = "";
  }, [state, props.mode]);
  return (
    <form action={action} className="stack-form note-form">
      {props.mode === "add" ? (
        <>
          <input type="hidden" name="claimId" value={props.claimId} />
          {props.attributionId ? <input type="hidden" name="attributionId" value={props.attributionId} /> : null}
          {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
        </>
      ) : (
        <>
          <input type="hidden" name="annotationId" value={props.annotationId} />
          <VersionFields state={state} version={props.version} />
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-body`}>{props.label}</label>
        <textarea
          ref={textarea}
          id={`${id}-body`}
          name="body"
          rows={3}
          required
          defaultValue={submitted(state, "body", props.mode === "edit" ? props.body : "")}
          {...fieldErrorProps(state, ["body"], `${id}-body-error`)}
        />
        <FieldError state={state} names={["body"]} id={`${id}-body-error`} />
      </div>
      <EditFeedback state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : props.mode === "add" ? "Add note" : "Save note"}
      </button>
    </form>
  );
}
