import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacterBesidesLineBreaks } from "@/lib/text/control-characters";

/** The longest text matched: a long selected passage, well above any claim (a claim is one sentence). */
export const MAX_SIMILAR_TEXT = 2000;
export const MAX_SIMILAR_LIMIT = 20;
export const DEFAULT_SIMILAR_LIMIT = 5;

const limitSchema = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_SIMILAR_LIMIT, `must be at most ${MAX_SIMILAR_LIMIT}`)
  .default(DEFAULT_SIMILAR_LIMIT);

/** `GET /api/claims/similar?text=…&limit=…`. */
export const similarQuerySchema = z.object({
  text: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_SIMILAR_TEXT, `must be at most ${MAX_SIMILAR_TEXT} characters`)
    .refine((value) => !hasControlCharacterBesidesLineBreaks(value), CONTROL_CHARACTER_MESSAGE),
  limit: limitSchema,
});

/** `GET /api/claims/[id]/similar?limit=…`. */
export const similarToClaimQuerySchema = z.object({ limit: limitSchema });

/** The query string as the object the schemas read (the last of a repeated parameter counts). */
export function queryObject(searchParams: URLSearchParams): Record<string, string> {
  return Object.fromEntries(searchParams);
}
