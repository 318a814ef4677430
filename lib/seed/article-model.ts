import { z } from "zod";
import { actorKindSchema, sourcingSchema, stanceSchema } from "@/lib/vocabulary/terms";

/**
 * A declarative description of one article and everything claimed in it. Quotes are
 * given as words, not offsets: the loader finds them in the text and refuses any quote
 * that is missing or ambiguous, so a model can never point at the wrong passage.
 */
export const articleModelSchema = z.object({
  source: z.object({
    title: z.string().min(1),
    outlet: z.string().min(1),
    url: z.url().nullable(),
    author: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
  }),
  topics: z.array(z.object({ key: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), description: z.string().optional() })),
  actors: z.array(
    z.object({
      name: z.string().min(1),
      kind: actorKindSchema,
      role: z.string().optional(),
      affiliation: z.string().optional(),
      aliases: z.array(z.string().min(1)).default([]),
    }),
  ),
  claims: z
    .array(
      z.object({
        text: z.string().min(1),
        topic: z.string().min(1),
        attributions: z
          .array(
            z.object({
              actor: z.string().min(1),
              stance: stanceSchema,
              verb: z.string().optional(),
              sourcing: sourcingSchema.default("named"),
              actorRole: z.string().optional(),
              via: z.array(z.string().min(1)).default([]),
              quote: z.string().min(1),
              /** 1-based, for words that occur more than once in the article. */
              occurrence: z.number().int().positive().optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export type ArticleModel = z.input<typeof articleModelSchema>;
