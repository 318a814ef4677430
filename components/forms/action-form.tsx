"use client";

import { useActionState, type ReactNode } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";
import { IDLE } from "@/lib/http/action-state";

/**
 * A small form around one Server Action, for admin and account pages: fields are
 * children, the outcome is announced below. `showData` renders something the action
 * returned (e.g. a new API token).
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = "stack-form",
  label,
  showData,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  label?: string;
  showData?: (data: Record<string, unknown>) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className} aria-label={label}>
      {children}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <FormFeedback state={state} />
      {state.status === "success" && state.data && showData ? showData(state.data) : null}
    </form>
  );
}
