import { z } from "zod";

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
