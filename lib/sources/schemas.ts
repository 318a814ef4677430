import { z } from "zod";
import { optionalTextSchema, requiredTextSchema, textSchema } from "@/lib/text/text-schema";
import { versionSchema } from "@/lib/claims/schemas";

/* One schema per field, shared by the form, POST /api/sources and the importer's cells. */
export const sourceTitleSchema = requiredTextSchema(500);
export const sourceOutletSchema = requiredTextSchema(200);
export const sourceUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).max(2000, { error: "must be at most 2,000 characters" });
const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
// A refinement rather than the union itself, whose own message is zod's "Invalid input".
export const publishedAtSchema = textSchema().refine((value) => isoDateOrDateTime.safeParse(value).success, { error: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time" });

/** A pasted article. One schema for the form, POST /api/sources and the importer. */
export const sourceInputSchema = z.object({
  title: sourceTitleSchema,
  outlet: sourceOutletSchema,
  url: sourceUrlSchema.optional().or(z.literal("").transform(() => undefined)),
  author: optionalTextSchema(300),
  publishedAt: publishedAtSchema.optional().or(z.literal("").transform(() => undefined)),
  /** Kept exactly as given (no trimming): quotes are offsets into this text. */
  text: textSchema().min(1, { error: "is required", abort: true }).max(500_000, { error: "must be at most 500,000 characters" }),
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
