import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";

const FIELDS = [
  { name: "title", label: "Headline", type: "text", required: true },
  { name: "outlet", label: "Outlet", type: "text", required: true },
  { name: "url", label: "Address (URL)", type: "url", required: false },
  { name: "author", label: "Author", type: "text", required: false },
  { name: "publishedAt", label: "Published on", type: "date", required: false },
] as const;

export type SourceDetailValues = Partial<Record<(typeof FIELDS)[number]["name"], string>>;

/** A source's descriptive fields, for a new article and for correcting one. */
export function SourceDetailFields({ state, initial = {} }: { state: ActionState; initial?: SourceDetailValues }) {
  return FIELDS.map((field) => (
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
        defaultValue={submitted(state, field.name, initial[field.name] ?? "")}
        {...fieldErrorProps(state, [field.name], `source-${field.name}-error`)}
      />
      <FieldError state={state} names={[field.name]} id={`source-${field.name}-error`} />
    </div>
  ));
}
