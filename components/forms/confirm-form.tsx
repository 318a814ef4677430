"use client";

import { useActionState, type ReactNode } from "react";
import { EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import type { ActionState } from "@/lib/http/action";
import { IDLE } from "@/lib/http/action-state";

/**
 * A form that removes or deletes something: the ids as hidden fields, the version the
 * user saw (refused if it changed meanwhile), optional fields, and one button.
 */
export function ConfirmForm({
  action,
  hidden,
  version,
  label,
  submitLabel,
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  version: number;
  label: string;
  submitLabel: string;
  children?: (state: ActionState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="stack-form" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <VersionFields state={state} version={version} />
      {children?.(state)}
      <EditFeedback state={state} />
      <button type="submit" className="danger" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}
