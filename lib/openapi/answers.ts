import { z } from "zod";
import type { ClaimRecord } from "@/lib/claims/records";
import type { FacetCounts, Facets } from "@/lib/claims/search/facets";
import type { FacetName } from "@/lib/claims/search/filter-sql";
import type { DeletedClaim } from "@/lib/claims/deleted-claims";
import { ACCURACIES, ACTOR_KINDS, SOURCINGS, STANCES } from "@/lib/vocabulary/terms";

/*
 * The shapes of the API's answers, as zod schemas, for the OpenAPI description
 * (lib/openapi/document.ts). The records are built by hand-written SQL with TypeScript
 * types; the `Same` checks below make the compiler refuse a schema that drifts from the
 * type it describes, and tests/integration/openapi.test.ts validates real answers against
 * the description.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(value: T) => value;

const timestamp = z.string().describe("ISO 8601, UTC");
const actorRef = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(ACTOR_KINDS) });

export const claimRecordSchema = z
  .object({
    id: z.number().int(),
    text: z.string(),
    topic: z.object({ key: z.string(), label: z.string() }),
    status: z.object({ key: z.string(), label: z.string(), colour: z.string(), isFinal: z.boolean() }),
    version: z.number().int().describe("Edit counter: send it back with an edit; a stale one is answered 409"),
    contested: z.boolean(),
    sourceCount: z.number().int(),
    firstPublishedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp.describe("When anything the record shows last changed (incremental sync resumes on it)"),
    attributions: z.array(
      z.object({
        id: z.number().int(),
        stance: z.enum(STANCES),
        verb: z.string().nullable(),
        sourcing: z.enum(SOURCINGS),
        accuracy: z.enum(ACCURACIES),
        version: z.number().int(),
        actor: actorRef.extend({ role: z.string().nullable() }),
        via: z.array(actorRef).describe("Intermediaries, nearest to the actor first"),
        source: z.object({ id: z.number().int(), title: z.string(), outlet: z.string(), url: z.string().nullable(), publishedAt: timestamp.nullable() }),
        quote: z.object({
          exact: z.string(),
          prefix: z.string().nullable(),
          suffix: z.string().nullable(),
          start: z.number().int().nullable().describe("UTF-16 offset in the source text; null when the source has no stored text"),
          end: z.number().int().nullable(),
        }),
      }),
    ),
  })
  .meta({ id: "Claim" });
same<Same<z.infer<typeof claimRecordSchema>, ClaimRecord>>(true);

const facetOptions = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int(), selected: z.boolean() }));
const facetsSchema = z.object({ status: facetOptions, topic: facetOptions, stance: facetOptions, source: facetOptions, actor: facetOptions, contested: facetOptions });
same<Same<z.infer<typeof facetsSchema>, Facets>>(true);

const facetNames = z.array(z.enum(["status", "topic", "stance", "source", "actor", "contested"]));
same<Same<z.infer<typeof facetNames>[number], FacetName>>(true);

export const claimPageSchema = z.object({
  items: z.array(claimRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: facetsSchema.optional(),
  facetsMissing: facetNames.optional(),
});

export const facetCountsSchema = z.object({ facets: facetsSchema, missing: facetNames });
same<Same<z.infer<typeof facetCountsSchema>, FacetCounts>>(true);

const deletedClaimSchema = z.object({ id: z.number().int(), text: z.string(), topic: z.string(), reason: z.string(), deletedAt: timestamp });
same<Same<z.infer<typeof deletedClaimSchema>, DeletedClaim>>(true);
export const deletedClaimsSchema = z.object({ items: z.array(deletedClaimSchema), pageSize: z.number().int() });

export const sourceAnswerSchema = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  outlet: z.string(),
  url: z.string().nullable(),
  text: z.string(),
  version: z.number().int(),
  quotes: z.array(z.looseObject({ attributionId: z.number().int(), claimId: z.number().int(), exact: z.string(), start: z.number().int().nullable(), end: z.number().int().nullable() })),
});

export const actorAnswerSchema = z.looseObject({ id: z.number().int(), name: z.string(), kind: z.enum(ACTOR_KINDS), version: z.number().int() });

/** Any other answer of a write: the record written, with at least its id. */
export const writtenSchema = z.looseObject({ id: z.number().int() });

export const healthSchema = z.looseObject({
  ok: z.boolean(),
  processes: z.number().int().optional().describe("Liveness under `npm start`: the server processes that read the database within the last 10 s"),
});

export const errorSchema = z
  .looseObject({
    error: z.string().describe("What was wrong, in words"),
    problems: z.array(z.object({ parameter: z.string(), message: z.string() })).optional().describe("Query parameters that were refused"),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Body fields that were refused, by path"),
    current: z.unknown().optional().describe("409: how the record looks now"),
    suggestion: z.unknown().optional().describe("400 on a quote: the article's words that were probably meant"),
  })
  .meta({ id: "Error" });

export const similarClaimsSchema = z.object({
  threshold: z.number(),
  items: z.array(
    z.object({
      id: z.number().int(),
      text: z.string(),
      topic: z.object({ key: z.string(), label: z.string() }),
      score: z.number().min(0).max(1),
      likely: z.boolean(),
      matchedWords: z.array(z.string()),
    }),
  ),
});

export const claimMergeAnswerSchema = z.object({
  id: z.number().int(),
  mergedInto: z.number().int(),
  movedAttributions: z.number().int(),
  collapsedAttributions: z.number().int(),
  verdict: z.string(),
});
