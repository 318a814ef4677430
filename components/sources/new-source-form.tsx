"use client";

import { FieldError, fieldErrorProps, FormFeedback, submitted } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { createSourceAction } from "@/lib/sources/actions";

const FIELDS = [
  { name: "title", label: "Headline", type: "text", required: true },
  { name: "outlet", label: "Outlet", type: "text", required: true },
  { name: "url", label: "Address (URL)", type: "url", required: false },
  { name: "author", label: "Author", type: "text", required: false },
  { name: "publishedAt", label: "Published on", type: "date", required: false },
] as const;

/** Paste an article: the text is stored exactly as pasted and quotes point into it. */
export function NewSourceForm() {
  const { state, pending, formProps } = useFormAction(createSourceAction);
  return (
    <form {...formProps} className="stack-form">
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={`source-${field.name}`}>
            {field.label}
            {field.required ? "" : " (optional)"}
          </label>
          <input
            id={`source-${field.name}`}
            name={field.name}
            type={field.type}
            required={field.required}
            defaultValue={submitted(state, field.name)}
            {...fieldErrorProps(state, [field.name], `source-${field.name}-error`)}
          />
          <FieldError state={state} names={[field.name]} id={`source-${field.name}-error`} />
        </div>
      ))}
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
