import type { ActionState } from "@/lib/http/action";

/** The outcome of a form's action, announced to screen readers. */
export function FormFeedback({ state, id }: { state: ActionState; id?: string }) {
  if (state.status === "idle") return null;
  return (
    <p id={id} className={`form-message ${state.status === "success" ? "form-message--ok" : "form-message--error"}`} role={state.status === "error" ? "alert" : "status"}>
      {state.message}
    </p>
  );
}

/** Errors for one field, from `fieldErrors` keyed by its name (or any of its aliases). */
export function FieldError({ state, names, id }: { state: ActionState; names: string[]; id: string }) {
  if (state.status !== "error" || !state.fieldErrors) return null;
  const fieldErrors = state.fieldErrors;
  const messages = names.flatMap((name) => fieldErrors[name] ?? []);
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  );
}

/** aria attributes linking a field to its error message when it has one. */
export function fieldErrorProps(state: ActionState, names: string[], id: string) {
  const invalid = state.status === "error" && names.some((name) => state.fieldErrors?.[name]?.length);
  return invalid ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

/** What the user typed last time (after an error), else the initial value. */
export function submitted(state: ActionState, name: string, initial = ""): string {
  return state.status === "error" && state.values && name in state.values ? state.values[name]! : initial;
}
