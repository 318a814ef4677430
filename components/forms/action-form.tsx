"use client";

import type { ReactNode } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/http/action";

/**
 * A small form around one Server Action, for admin and account pages: fields are
 * children (or a function of the outcome, to show each error next to its field), the
 * outcome is announced below. `showData` renders something the action returned (e.g. a
 * new API token); `resetOnSuccess` empties a form that makes something new.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = "stack-form",
  label,
  showData,
  resetOnSuccess = false,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  children: ReactNode | ((state: ActionState) => ReactNode);
  className?: string;
  label?: string;
  showData?: (data: Record<string, unknown>) => ReactNode;
  resetOnSuccess?: boolean;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess });
  return (
    <form {...formProps} className={className} aria-label={label}>
      {typeof children === "function" ? children(state) : children}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <FormFeedback state={state} />
      {state.status === "success" && state.data && showData ? showData(state.data) : null}
    </form>
  );
}
