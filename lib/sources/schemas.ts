import { z } from "zod";
import { versionSchema } from "@/lib/claims/schemas";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .optional()
    .transform((value) => (value ? value : undefined));

/** A pasted article. One schema for the form, POST /api/sources and the importer. */
export const sourceInputSchema = z.object({
  title: z.string().trim().min(1, { error: "is required" }).max(500, { error: "must be at most 500 characters" }),
  outlet: z.string().trim().min(1, { error: "is required" }).max(200, { error: "must be at most 200 characters" }),
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) address" })
    .max(2000)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  author: optionalText(300),
  publishedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Kept exactly as given (no trimming): quotes are offsets into this text. */
  text: z.string().min(1, { error: "is required" }).max(500_000, { error: "must be at most 500,000 characters" }),
});

export type SourceInput = z.output<typeof sourceInputSchema>;

/** A correction of a source's details (not its text); the same rules as when it was stored. */
export const sourceDetailsSchema = sourceInputSchema.omit({ text: true }).extend({ version: versionSchema });
export type SourceDetailsEdit = z.output<typeof sourceDetailsSchema>;

/**
 * Article text for a source stored without it (as imported sources are), or a corrected
 * copy: every quote of the source is re-anchored in it (lib/sources/reanchor-quotes.ts).
 */
export const sourceTextSchema = sourceInputSchema.pick({ text: true }).extend({ version: versionSchema });
export type SourceTextEdit = z.output<typeof sourceTextSchema>;
