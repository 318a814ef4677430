"use client";

import { useEffect, useId } from "react";
import { FieldError, fieldErrorProps } from "@/components/forms/form-feedback";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { addAnnotationAction, editAnnotationAction } from "@/lib/annotations/actions";

type Props =
  | { mode: "add"; claimId: number; attributionId?: number; parentId?: number; label: string }
  | { mode: "edit"; annotationId: number; version: number; body: string; label: string };

/** Write a note, a reply, or edit one's own note. Markdown is allowed; HTML is shown as text. */
export function NoteForm(props: Props) {
  const editing = props.mode === "edit";
  // A new note has no stored version to conflict with; the same hook keeps the two modes alike.
  const edit = useVersionedEdit(editing ? editAnnotationAction : addAnnotationAction, {
    version: editing ? props.version : 0,
    values: { body: editing ? props.body : "" },
    resetOnSuccess: !editing,
  });
  const { state } = edit;
  const id = useId();
  const form = edit.formProps.ref;
  useEffect(() => {
    // A reply or an edit opens in a fold under the note; once saved, the fold closes.
    if (state.status === "success") form.current?.closest("details")?.removeAttribute("open");
  }, [state, form]);
  return (
    <form {...edit.formProps} className="stack-form note-form">
      {props.mode === "add" ? (
        <>
          <input type="hidden" name="claimId" value={props.claimId} />
          {props.attributionId ? <input type="hidden" name="attributionId" value={props.attributionId} /> : null}
          {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
        </>
      ) : (
        <>
          <input type="hidden" name="annotationId" value={props.annotationId} />
          <VersionFields edit={edit} />
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-body`}>{props.label}</label>
        <textarea id={`${id}-body`} name="body" rows={3} required defaultValue={edit.initial("body")} key={edit.fieldKey("body")} {...fieldErrorProps(state, ["body"], `${id}-body-error`)} />
        <FieldError state={state} names={["body"]} id={`${id}-body-error`} />
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label={editing ? "Save note" : "Add note"} />
    </form>
  );
}
