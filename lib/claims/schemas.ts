import { z } from "zod";
import { optionalTextSchema, requiredTextSchema, textSchema } from "@/lib/text/text-schema";
import { actorKindSchema, sourcingSchema, stanceSchema, accuracySchema } from "@/lib/vocabulary/terms";

/*
 * One schema per field, shared by the API, the forms and the importer (lib/import/parse-row.ts
 * checks each CSV cell with the field's schema), so the limits and messages are written once.
 */

/** An actor's or an intermediary's name. */
export const actorNameSchema = requiredTextSchema(200);
export const actorRoleSchema = optionalTextSchema(200);
export const verbSchema = optionalTextSchema(100);
export const MAX_VIA = 10;
export const viaSchema = z.array(actorNameSchema).max(MAX_VIA, { error: `can have at most ${MAX_VIA} intermediaries` });
/** The source's exact words: never trimmed, but never only spaces either. */
export const quoteSchema = textSchema().refine((quote) => quote.trim() !== "", { error: "is required", abort: true }).max(5000, { error: "must be at most 5,000 characters" });
const offset = z.number({ error: "must be a number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" });

/**
 * One attribution: who (by name, matched to an existing actor or alias, else created),
 * in which source, with what stance, through whom, quoting which exact words. The quote
 * is re-checked against the stored source text when saved.
 */
const attributionFields = z.object({
  sourceId: z.number({ error: "must be a source id" }).int().positive({ error: "must be a source id" }),
  actor: actorNameSchema,
  actorKind: actorKindSchema.optional(),
  actorRole: actorRoleSchema,
  stance: stanceSchema,
  verb: verbSchema,
  sourcing: sourcingSchema.default("named"),
  via: viaSchema.default([]),
  quote: quoteSchema,
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

export const claimTextSchema = requiredTextSchema(1000, 3);
export const topicKeySchema = requiredTextSchema(100);
export const statusKeySchema = requiredTextSchema(100);

export const claimInputSchema = z.object({
  text: claimTextSchema,
  topic: topicKeySchema,
  attributions: z.array(attributionInputSchema).min(1, { error: "at least one attribution is required" }).max(50),
});
export type ClaimInput = z.output<typeof claimInputSchema>;

/**
 * Optional on every versioned edit: after a refused stale edit, the version the user saw
 * and chose to replace with their own ("keep mine"). Recorded in the audit log.
 */
export const overwriteSchema = z.number({ error: "must be the version you are replacing" }).int().positive({ error: "must be the version you are replacing" }).optional();

export const claimEditSchema = z.object({ text: claimTextSchema, topic: topicKeySchema, version, overwrite: overwriteSchema });
export type ClaimEdit = z.output<typeof claimEditSchema>;

export const statusChangeSchema = z.object({
  status: statusKeySchema,
  rationale: requiredTextSchema(5000, 1, "is required: say why"),
  evidence: z.array(z.url({ protocol: /^https?$/, error: "each evidence link must be an http(s) address" }).max(2000)).max(20).default([]),
  version,
  overwrite: overwriteSchema,
});
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

export const accuracyChangeSchema = z.object({
  accuracy: accuracySchema,
  rationale: requiredTextSchema(5000, 1, "is required: say why"),
  version,
  overwrite: overwriteSchema,
});
export type AccuracyChangeInput = z.output<typeof accuracyChangeSchema>;

/** An admin deletes a claim: the reason is kept on its tombstone (docs/decisions/013). */
export const claimDeleteSchema = z.object({
  reason: requiredTextSchema(2000, 1, "is required: say why the claim is deleted"),
  version,
});
export type ClaimDelete = z.output<typeof claimDeleteSchema>;

export { actorKindSchema };

/**
 * A fact-checker merges this claim into another (docs/decisions/056). `verdict` says whose
 * verdict stands when the two differ: the surviving claim's (`into`) or this one's
 * (`merged`); it is required then and ignored otherwise.
 */
export const claimMergeSchema = z.object({
  into: z.number({ error: "must be the id of the claim to merge into" }).int({ error: "must be the id of the claim to merge into" }).positive({ error: "must be the id of the claim to merge into" }),
  rationale: requiredTextSchema(5000, 1, "is required: say why the two are one claim"),
  verdict: z.enum(["into", "merged"], { error: "must be 'into' or 'merged'" }).optional(),
  version,
});
export type ClaimMergeInput = z.output<typeof claimMergeSchema>;
