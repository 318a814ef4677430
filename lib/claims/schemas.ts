import { z } from "zod";
import { actorKindSchema, sourcingSchema, stanceSchema, accuracySchema } from "@/lib/vocabulary/terms";

const name = z.string().trim().min(1, { error: "is required" }).max(200, { error: "must be at most 200 characters" });
const offset = z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" });

/**
 * One attribution: who (by name, matched to an existing actor or alias, else created),
 * in which source, with what stance, through whom, quoting which exact words. The quote
 * is re-checked against the stored source text when saved.
 */
const attributionFields = z.object({
  sourceId: z.number({ error: "must be a source id" }).int().positive({ error: "must be a source id" }),
  actor: name,
  actorKind: actorKindSchema.optional(),
  actorRole: z.string().trim().max(200).optional().transform((v) => v || undefined),
  stance: stanceSchema,
  verb: z.string().trim().max(100).optional().transform((v) => v || undefined),
  sourcing: sourcingSchema.default("named"),
  via: z.array(name).max(10, { error: "can have at most 10 intermediaries" }).default([]),
  quote: z.string().min(1, { error: "is required" }).max(5000, { error: "must be at most 5,000 characters" }),
  quoteStart: offset.nullable().optional(),
  quoteEnd: offset.nullable().optional(),
});

const bothOffsetsOrNeither = (a: { quoteStart?: number | null; quoteEnd?: number | null }) => (a.quoteStart == null) === (a.quoteEnd == null);
const offsetsProblem = { path: ["quoteEnd"], error: "give both quoteStart and quoteEnd, or neither" };

export const attributionInputSchema = attributionFields.refine(bothOffsetsOrNeither, offsetsProblem);

export type AttributionInput = z.output<typeof attributionInputSchema>;

/** The version an edit is based on: an edit of anything newer is refused (409). */
export const versionSchema = z.number({ error: "must be the version you edited" }).int().positive({ error: "must be the version you edited" });
const version = versionSchema;

/**
 * A correction of an attribution: everything but its source, which the quote belongs to.
 * The quote is re-anchored in the source text as when it was first saved.
 */
export const attributionEditSchema = attributionFields.omit({ sourceId: true }).extend({ version }).refine(bothOffsetsOrNeither, offsetsProblem);
export type AttributionEdit = z.output<typeof attributionEditSchema>;

/** Removing an attribution, or anything else that needs only the version it was based on. */
export const versionOnlySchema = z.object({ version });

export const claimTextSchema = z.string().trim().min(3, { error: "must be at least 3 characters" }).max(1000, { error: "must be at most 1,000 characters" });
export const topicKeySchema = z.string().trim().min(1, { error: "is required" });

export const claimInputSchema = z.object({
  text: claimTextSchema,
  topic: topicKeySchema,
  attributions: z.array(attributionInputSchema).min(1, { error: "at least one attribution is required" }).max(50),
});
export type ClaimInput = z.output<typeof claimInputSchema>;

export const claimEditSchema = z.object({ text: claimTextSchema, topic: topicKeySchema, version });
export type ClaimEdit = z.output<typeof claimEditSchema>;

export const statusChangeSchema = z.object({
  status: z.string().trim().min(1, { error: "is required" }),
  rationale: z.string().trim().min(1, { error: "is required: say why" }).max(5000, { error: "must be at most 5,000 characters" }),
  evidence: z.array(z.url({ protocol: /^https?$/, error: "each evidence link must be an http(s) address" }).max(2000)).max(20).default([]),
  version,
});
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

export const accuracyChangeSchema = z.object({
  accuracy: accuracySchema,
  rationale: z.string().trim().min(1, { error: "is required: say why" }).max(5000, { error: "must be at most 5,000 characters" }),
  version,
});
export type AccuracyChangeInput = z.output<typeof accuracyChangeSchema>;

/** An admin deletes a claim: the reason is kept on its tombstone (docs/decisions/013). */
export const claimDeleteSchema = z.object({
  reason: z.string().trim().min(1, { error: "is required: say why the claim is deleted" }).max(2000, { error: "must be at most 2,000 characters" }),
  version,
});
export type ClaimDelete = z.output<typeof claimDeleteSchema>;

export { actorKindSchema };
