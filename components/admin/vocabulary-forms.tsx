"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FieldError, fieldErrorProps } from "@/components/forms/form-feedback";
import { TextField } from "@/components/forms/text-field";
import { createStatusAction, createTopicAction, updateStatusAction, updateTopicAction } from "@/lib/admin/actions";
import type { ActionState } from "@/lib/http/action";

type StatusValues = { key: string; label: string; description: string; colour: string; isFinal: boolean; ratingValue: number | null; sortOrder: number };

function StatusFields({ state, prefix, values }: { state: ActionState; prefix: string; values?: StatusValues }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      {values ? (
        <input type="hidden" name="key" value={values.key} />
      ) : (
        <TextField state={state} id={id("key")} name="key" label="Key (permanent; used in links and exports)" required placeholder="e.g. partly_false" />
      )}
      <TextField state={state} id={id("label")} name="label" label="Label" required defaultValue={values?.label} />
      <TextField state={state} id={id("description")} name="description" label="Description" required defaultValue={values?.description} />
      <TextField state={state} id={id("colour")} name="colour" label="Badge colour" type="color" defaultValue={values?.colour ?? "#e5e7eb"} />
      <TextField state={state} id={id("rating")} name="ratingValue" label="ClaimReview rating, 1 (worst) to 5 (best); empty for none" type="number" min={1} max={5} defaultValue={values?.ratingValue ?? ""} />
      <TextField state={state} id={id("order")} name="sortOrder" label="Order in lists" type="number" min={0} max={1000} defaultValue={values?.sortOrder ?? 100} />
      <label className="checkbox">
        <input name="isFinal" type="checkbox" defaultChecked={values?.isFinal ?? true} {...fieldErrorProps(state, ["isFinal"], id("final-error"))} /> A final verdict (published in ClaimReview)
      </label>
      <FieldError state={state} names={["isFinal"]} id={id("final-error")} />
    </>
  );
}

export function NewStatusForm() {
  return (
    <ActionForm action={createStatusAction} submitLabel="Add status" label="New status" resetOnSuccess>
      {(state) => <StatusFields state={state} prefix="new-status" />}
    </ActionForm>
  );
}

export function EditStatusForm({ values }: { values: StatusValues }) {
  return (
    <ActionForm action={updateStatusAction} submitLabel={`Save “${values.label}”`} label={`Edit ${values.label}`}>
      {(state) => <StatusFields state={state} prefix={`status-${values.key}`} values={values} />}
    </ActionForm>
  );
}

function TopicFields({ state, prefix, values }: { state: ActionState; prefix: string; values?: { key: string; label: string; description: string | null } }) {
  return (
    <>
      {values ? (
        <input type="hidden" name="key" value={values.key} />
      ) : (
        <TextField state={state} id={`${prefix}-key`} name="key" label="Key (permanent; used in links and exports)" required placeholder="e.g. grain-exports" />
      )}
      <TextField state={state} id={`${prefix}-label`} name="label" label="Label" required defaultValue={values?.label} />
      <TextField state={state} id={`${prefix}-description`} name="description" label="Description" defaultValue={values?.description ?? ""} />
    </>
  );
}

export function NewTopicForm() {
  return (
    <ActionForm action={createTopicAction} submitLabel="Add topic" label="New topic" resetOnSuccess>
      {(state) => <TopicFields state={state} prefix="new-topic" />}
    </ActionForm>
  );
}

export function EditTopicForm({ values }: { values: { key: string; label: string; description: string | null } }) {
  return (
    <ActionForm action={updateTopicAction} submitLabel={`Save “${values.label}”`} label={`Edit ${values.label}`}>
      {(state) => <TopicFields state={state} prefix={`topic-${values.key}`} values={values} />}
    </ActionForm>
  );
}
