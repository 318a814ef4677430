import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser, Permission } from "@/lib/auth/roles";
import { DomainError, InvalidInputError, type FieldErrors } from "@/lib/errors";
import { databaseWriteFailure } from "@/lib/db/storage";
import { describeFieldErrors, toFieldErrors } from "@/lib/http/api-handler";
import type { QuoteSuggestion } from "@/lib/sources/quote-suggestion";

/** What a form's Server Action hands back to `useActionState`. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string; data?: Record<string, unknown> }
  | {
      status: "error";
      message: string;
      fieldErrors?: FieldErrors;
      current?: Record<string, unknown>;
      httpStatus: number;
      /** What the user submitted, so the form can show it again instead of losing it. */
      values?: Record<string, string>;
      /** A quote that is not the article's words: the passage meant, to offer ("Did you mean …"). */
      suggestion?: QuoteSuggestion;
    };

/**
 * Every Server Action is built with this, so none can skip a step (as in saas-starter):
 * load the user and check the role, turn the FormData into the route's input, validate it
 * with the same zod schema as the JSON API, then run. Expected failures come back as
 * messages for the form; redirects and not-found pass through to Next.
 */
export function defineAction<Schema extends z.ZodType>(
  options: { permission: Permission; schema: Schema; fromForm: (form: FormData) => unknown },
  handler: (input: z.output<Schema>, user: CurrentUser, form: FormData) => Promise<ActionState>,
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    try {
      const user = await getCurrentUser();
      const access = authorize(user, options.permission);
      if (!access.ok) return { status: "error", message: access.message, httpStatus: access.status };
      const parsed = options.schema.safeParse(options.fromForm(form));
      if (!parsed.success) {
        const fieldErrors = toFieldErrors(parsed.error);
        return { status: "error", message: `Please correct: ${describeFieldErrors(fieldErrors)}`, fieldErrors, httpStatus: 400, values: submittedValues(form) };
      }
      const result = await handler(parsed.data, user!, form);
      return result.status === "error" ? { ...result, values: submittedValues(form) } : result;
    } catch (error) {
      unstable_rethrow(error);
      const failure = actionError(error);
      return failure.status === "error" ? { ...failure, values: submittedValues(form) } : failure;
    }
  };
}

/** The text fields of a form, to hand back with an error. */
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export function actionError(error: unknown): ActionState {
  if (error instanceof InvalidInputError) {
    const { suggestion } = error.details as { suggestion?: QuoteSuggestion };
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, httpStatus: 400, ...(suggestion ? { suggestion } : {}) };
  }
  if (error instanceof DomainError) {
    const { fieldErrors, current } = error.details as { fieldErrors?: FieldErrors; current?: Record<string, unknown> };
    return { status: "error", message: error.message, fieldErrors, current, httpStatus: error.status };
  }
  const writeFailure = databaseWriteFailure(error);
  if (writeFailure) return { status: "error", message: writeFailure.message, httpStatus: writeFailure.status };
  console.error("Server Action failed:", error);
  return { status: "error", message: "Something went wrong and nothing was saved. Please try again.", httpStatus: 500 };
}

/** Form helpers: FormData values as the JSON API would send them. */
export const formText = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

export const formNumber = (form: FormData, name: string): number | undefined => {
  const value = formText(form, name);
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
};

/** A textarea with one entry per line, as a list (blank lines dropped). */
export const formLines = (form: FormData, name: string): string[] =>
  (formText(form, name) ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
