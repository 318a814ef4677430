"use client";

import type { ReactNode } from "react";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import type { ActionState } from "@/lib/http/action";

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
  const edit = useVersionedEdit(action, { version: version, values: {} });
  const { state } = edit;
  return (
    <form {...edit.formProps} className="stack-form" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <VersionFields edit={edit} />
      {children?.(state)}
      <EditFeedback state={state} />
      <EditButtons edit={edit} label={submitLabel} className="danger" />
    </form>
  );
}
