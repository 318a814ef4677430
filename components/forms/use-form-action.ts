"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/http/action";
import { IDLE } from "@/lib/http/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Every form's link to its Server Action. It exists because of one React 19 behaviour:
 * a form whose `action` prop is a function is reset when the action completes. Text
 * fields then come back from their `defaultValue` (which our forms set to what was
 * submitted), but a drop-down returns to the option selected when it was first drawn,
 * and radios, check boxes and file inputs lose the choice. After a server-side error the
 * form looked intact while its choices had silently gone back to the defaults.
 *
 * So the form is submitted from `onSubmit`, inside a transition: React starts no reset,
 * and every field keeps exactly what the user chose, whatever the outcome. The `action`
 * prop stays for a submission made before the page has hydrated. A form that should empty
 * after a success (a new note, a new account) asks for it with `resetOnSuccess`.
 */
export function useFormAction(action: Action, { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {}) {
  // `null` clears the outcome (e.g. "Take theirs" after a refused stale edit).
  const [state, dispatch, pending] = useActionState((previous: ActionState, form: FormData | null) => (form ? action(previous, form) : IDLE), IDLE);
  const ref = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (event.defaultPrevented) return; // e.g. a confirmation the user cancelled
    event.preventDefault();
    // The button pressed is part of the submission (e.g. "Keep mine" or "Take theirs").
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }


  useEffect(() => {
    if (resetOnSuccess && state.status === "success") ref.current?.reset();
  }, [state, resetOnSuccess]);

  const clear = () => startTransition(() => dispatch(null));
  return { state, pending, clear, formProps: { ref, action: dispatch, onSubmit } };
}
