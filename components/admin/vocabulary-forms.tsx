"use client";

import { ActionForm } from "@/components/forms/action-form";
import { createStatusAction, createTopicAction, updateStatusAction, updateTopicAction } from "@/lib/admin/actions";

type StatusValues = { key: string; label: string; description: string; colour: string; isFinal: boolean; ratingValue: number | null; sortOrder: number };

function StatusFields({ prefix, values }: { prefix: string; values?: StatusValues }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      {values ? (
        <input type="hidden" name="key" value={values.key} />
      ) : (
        <div className="field">
          <label htmlFor={id("key")}>Key (permanent; used in links and exports)</label>
          <input id={id("key")} name="key" type="text" required placeholder="e.g. partly_false" />
        </div>
      )}
      <div className="field">
        <label htmlFor={id("label")}>Label</label>
        <input id={id("label")} name="label" type="text" required defaultValue={values?.label} />
      </div>
      <div className="field">
        <label htmlFor={id("description")}>Description</label>
        <input id={id("description")} name="description" type="text" required defaultValue={values?.description} />
      </div>
      <div className="field">
        <label htmlFor={id("colour")}>Badge colour</label>
        <input id={id("colour")} name="colour" type="color" defaultValue={values?.colour ?? "#e5e7eb"} />
      </div>
      <div className="field">
        <label htmlFor={id("rating")}>ClaimReview rating, 1 (worst) to 5 (best); empty for none</label>
        <input id={id("rating")} name="ratingValue" type="number" min={1} max={5} defaultValue={values?.ratingValue ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={id("order")}>Order in lists</label>
        <input id={id("order")} name="sortOrder" type="number" min={0} max={1000} defaultValue={values?.sortOrder ?? 100} />
      </div>
      <label className="checkbox">
        <input name="isFinal" type="checkbox" defaultChecked={values?.isFinal ?? true} /> A final verdict (published in ClaimReview)
      </label>
    </>
  );
}

export function NewStatusForm() {
  return (
    <ActionForm action={createStatusAction} submitLabel="Add status" label="New status">
      <StatusFields prefix="new-status" />
    </ActionForm>
  );
}

export function EditStatusForm({ values }: { values: StatusValues }) {
  return (
    <ActionForm action={updateStatusAction} submitLabel={`Save “${values.label}”`} label={`Edit ${values.label}`}>
      <StatusFields prefix={`status-${values.key}`} values={values} />
    </ActionForm>
  );
}

export function NewTopicForm() {
  return (
    <ActionForm action={createTopicAction} submitLabel="Add topic" label="New topic">
      <div className="field">
        <label htmlFor="new-topic-key">Key (permanent; used in links and exports)</label>
        <input id="new-topic-key" name="key" type="text" required placeholder="e.g. grain-exports" />
      </div>
      <div className="field">
        <label htmlFor="new-topic-label">Label</label>
        <input id="new-topic-label" name="label" type="text" required />
      </div>
      <div className="field">
        <label htmlFor="new-topic-description">Description</label>
        <input id="new-topic-description" name="description" type="text" />
      </div>
    </ActionForm>
  );
}

export function EditTopicForm({ values }: { values: { key: string; label: string; description: string | null } }) {
  return (
    <ActionForm action={updateTopicAction} submitLabel={`Save “${values.label}”`} label={`Edit ${values.label}`}>
      <input type="hidden" name="key" value={values.key} />
      <div className="field">
        <label htmlFor={`topic-${values.key}-label`}>Label</label>
        <input id={`topic-${values.key}-label`} name="label" type="text" required defaultValue={values.label} />
      </div>
      <div className="field">
        <label htmlFor={`topic-${values.key}-description`}>Description</label>
        <input id={`topic-${values.key}-description`} name="description" type="text" defaultValue={values.description ?? ""} />
      </div>
    </ActionForm>
  );
}
