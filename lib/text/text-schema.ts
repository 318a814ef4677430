import { z } from "zod";
import { formatCount } from "@/lib/text/format";

/**
 * The building blocks of every text field's schema, so the API, the forms and the importer
 * (which validates each cell with the same per-field schemas) say the same thing about the
 * same value.
 */

export const WELL_FORMED_MESSAGE = "must be valid Unicode text";

export const atMostCharacters = (max: number) => `must be at most ${formatCount(max)} characters`;

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";

/**
 * A string both databases can store faithfully: no lone surrogate ("\ud800"), and no NUL,
 * which PostgreSQL's text type cannot hold (a write with one failed there as a 500); checked
 * before anything else so a bad value gets one message. A missing value "is required".
 */
export function textSchema() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
    .refine((value) => value.isWellFormed(), { error: WELL_FORMED_MESSAGE, abort: true })
    .refine((value) => !value.includes("\u0000"), { error: NUL_MESSAGE, abort: true });
}

/** Required text, trimmed: `requiredMessage` ("is required", or one that says what to write) when blank, then its length. */
export function requiredTextSchema(max: number, min = 1, requiredMessage = "is required") {
  const required = textSchema().trim().min(1, { error: requiredMessage, abort: true });
  return (min > 1 ? required.min(min, { error: `must be at least ${formatCount(min)} characters` }) : required).max(max, { error: atMostCharacters(max) });
}

/** Optional text, trimmed; blank reads as absent (undefined). */
export function optionalTextSchema(max: number) {
  return textSchema()
    .trim()
    .max(max, { error: atMostCharacters(max) })
    .optional()
    .transform((value) => value || undefined);
}

/** What a closed vocabulary says about a value outside it. */
export function mustBeOneOf(values: readonly string[], got: unknown): string {
  return got === undefined ? "is required" : `must be one of ${values.join(", ")} (got "${String(got)}")`;
}

/** What an open vocabulary (topics, statuses: records an admin edits) says about an unknown key. */
export function unknownKey(what: string, key: string, known: readonly string[]): string {
  return `unknown ${what} "${key}"; known: ${[...known].sort().join(", ")}`;
}
