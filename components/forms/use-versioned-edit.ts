"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { submitted } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/http/action";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
export type StoredField = { label: string; value: string; shown: string };
export type Conflict = { version: number; changedBy?: string; changedAt?: string; fields: Record<string, StoredField> };

/**
 * A form that edits a stored record guarded by its version. When the server refuses a
 * stale edit (409), the page is redrawn with the record as it is now, each field the user
 * edited keeps the user's value and every other field takes the stored one, and the form
 * asks for a choice: "Keep mine" submits again naming the version it replaces (recorded
 * in the audit log), "Take theirs" drops the user's edits.
 *
 * `values` are the record's stored values of the form's fields, as the page has them now.
 */
export function useVersionedEdit(action: Action, { version, values, resetOnSuccess = false }: { version: number; values: Record<string, string>; resetOnSuccess?: boolean }) {
  const { state, pending, clear, formProps } = useFormAction(action, { resetOnSuccess });
  const router = useRouter();
  // A refusal names the version now stored; `fields` (stored values, to compare) where the record gives them.
  const conflict = state.status === "error" && state.httpStatus === 409 && typeof state.current?.version === "number" ? ({ fields: {}, ...state.current } as Conflict) : null;
  const submittedValues = conflict && state.status === "error" ? (state.values ?? {}) : {};
  // What the user started editing from: the stored values when the form was drawn.
  const [base, setBase] = useState(values);
  // A new stored version the user did not edit against (theirs saved): start from it.
  // Adjusted while rendering, as React advises for state that follows a prop, not in an effect.
  const [baseVersion, setBaseVersion] = useState(version);
  if (version !== baseVersion) {
    setBaseVersion(version);
    if (!conflict) setBase(values);
  }

  // A refusal (a new state object) redraws the page with the record as it is now.
  const refused = conflict !== null;
  useEffect(() => {
    if (refused) router.refresh();
  }, [state, refused, router]);

  const edited = (name: string) => name in submittedValues && submittedValues[name] !== base[name];

  return {
    state,
    pending,
    formProps,
    conflict,
    base,
    edited,
    /** The version the next submission is based on: after a refusal, the one just shown. */
    version: conflict ? conflict.version : version,
    /** Key for a field, so that it is redrawn with a new stored version, and when a refusal comes or goes ("Take theirs"). */
    fieldKey: (name: string) => `${name}-${version}-${conflict ? "conflict" : "settled"}`,
    /** A field's starting value: the user's edit after a refusal, else the stored value (or what was just submitted). */
    initial: (name: string) => (conflict ? (edited(name) ? submittedValues[name]! : values[name]!) : submitted(state, name, values[name] ?? "")),
    takeTheirs: () => {
      setBase(values);
      clear();
    },
  };
}

export type VersionedEdit = ReturnType<typeof useVersionedEdit>;
