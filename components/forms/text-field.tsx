import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError, fieldErrorProps } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";

/** A labelled input with its error (from the form's last outcome) right below it. */
export function TextField({ state, id, name, label, ...input }: { state: ActionState; id: string; name: string; label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" {...input} {...fieldErrorProps(state, [name], `${id}-error`)} />
      <FieldError state={state} names={[name]} id={`${id}-error`} />
    </div>
  );
}
