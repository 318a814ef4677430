import { z } from "zod";
import { actorEditSchema, actorMergeSchema } from "@/lib/actors/schemas";
import { annotationEditSchema, annotationInputSchema } from "@/lib/annotations/schemas";
import { MAX_DELETED_PAGE_SIZE } from "@/lib/claims/deleted-claims";
import { ACTOR_ROLES, COLUMN_KEYS, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH, SORT_KEYS } from "@/lib/claims/query/claim-query";
import {
  accuracyChangeSchema,
  attributionEditSchema,
  attributionInputSchema,
  claimDeleteSchema,
  claimEditSchema,
  claimInputSchema,
  claimMergeSchema,
  statusChangeSchema,
  versionOnlySchema,
} from "@/lib/claims/schemas";
import { EXPORT_INCLUDES } from "@/lib/export/include-names";
import { sourceDetailsSchema, sourceInputSchema, sourceTextSchema } from "@/lib/sources/schemas";
import { STANCES } from "@/lib/vocabulary/terms";
import { actorAnswerSchema, claimPageSchema, facetCountsSchema, claimRecordSchema, deletedClaimsSchema, errorSchema, healthSchema, claimMergeAnswerSchema, similarClaimsSchema, sourceAnswerSchema, writtenSchema } from "@/lib/openapi/answers";
import { DEFAULT_SIMILAR_LIMIT, MAX_SIMILAR_LIMIT, MAX_SIMILAR_TEXT } from "@/lib/claims/similar/query";

/**
 * The OpenAPI 3.1 description of every route under app/api, app/export and the files
 * beside pages (GET /api/openapi.json, rendered at /docs/api). Bodies and answers come from
 * the zod schemas that validate the requests (zod 4's JSON Schema output), so the
 * description cannot say one thing while the server checks another;
 * tests/integration/openapi.test.ts checks that every route file is described and that
 * real answers validate against it.
 */

type Access = "read" | "edit" | "admin" | "public";
type Operation = {
  summary: string;
  access: Access;
  query?: "claims" | "deleted" | "similar" | "similarLimit";
  body?: z.ZodType;
  /** The success answer: a schema (JSON) or a file type. */
  answer: { status: number; schema: z.ZodType } | { status: number; file: string };
  errors?: number[];
};
export type RouteTable = Record<string, Partial<Record<"get" | "post" | "patch" | "put" | "delete", Operation>>>;

const json = (schema: z.ZodType, status = 200) => ({ status, schema });
const file = (type: string) => ({ status: 200, file: type });
const WRITE_ERRORS = [400, 401, 403, 404, 409, 413, 503];
const exportOf = (what: string, type: string): Operation => ({ summary: `${what}, for the same filters as the claim list (docs/export.md)`, access: "read", query: "claims", answer: file(type), errors: [400] });

export const ROUTES: RouteTable = {
  "/api/claims": {
    get: { summary: "The claim list: one page, the total and facet counts (facets=false: without them), for the claim list's filters", access: "read", query: "claims", answer: json(claimPageSchema), errors: [400] },
    post: { summary: "A new claim with its first attributions", access: "edit", body: claimInputSchema, answer: json(claimRecordSchema, 201), errors: WRITE_ERRORS },
  },
  "/api/claims/facets": {
    get: { summary: "The facet counts of the claim list, within the facet time limit; facets not counted in time are named in missing", access: "read", query: "claims", answer: json(facetCountsSchema), errors: [400] },
  },
  "/api/claims/deleted": {
    get: { summary: "Claims deleted since an instant, oldest first (incremental sync)", access: "read", query: "deleted", answer: json(deletedClaimsSchema), errors: [400] },
  },
  "/api/claims/similar": {
    get: { summary: "Existing claims ranked by likeness to a text (claim texts and quotes, every topic), with scores and the matched words", access: "read", query: "similar", answer: json(similarClaimsSchema), errors: [400] },
  },
  "/api/claims/{id}/similar": {
    get: { summary: "Other claims ranked by likeness to this claim: possibly the same claim when `likely`", access: "read", query: "similarLimit", answer: json(similarClaimsSchema), errors: [400, 404] },
  },
  "/api/claims/{id}": {
    get: { summary: "One claim; 410 with its tombstone once deleted; 308 to the surviving claim once merged", access: "read", answer: json(claimRecordSchema), errors: [308, 404, 410] },
    patch: { summary: "Correct a claim's wording or topic", access: "edit", body: claimEditSchema, answer: json(claimRecordSchema), errors: WRITE_ERRORS },
    delete: { summary: "Delete a claim, leaving a tombstone (admins)", access: "admin", body: claimDeleteSchema, answer: json(writtenSchema), errors: WRITE_ERRORS },
  },
  "/api/claims/{id}/merge": { post: { summary: "Merge this claim into another: attributions, notes and histories move; this claim's page and API redirect there (docs/decisions/056)", access: "edit", body: claimMergeSchema, answer: json(claimMergeAnswerSchema), errors: WRITE_ERRORS } },
  "/api/claims/{id}/attributions": { post: { summary: "Add an attribution to a claim", access: "edit", body: attributionInputSchema, answer: json(writtenSchema, 201), errors: WRITE_ERRORS } },
  "/api/claims/{id}/status": { post: { summary: "Set a claim's verdict with a rationale and evidence", access: "edit", body: statusChangeSchema, answer: json(claimRecordSchema), errors: WRITE_ERRORS } },
  "/api/claims/{id}/annotations": { post: { summary: "A note on a claim or one of its attributions", access: "edit", body: annotationInputSchema, answer: json(writtenSchema, 201), errors: WRITE_ERRORS } },
  "/api/annotations/{id}": {
    patch: { summary: "Edit a note (its author)", access: "edit", body: annotationEditSchema, answer: json(writtenSchema), errors: WRITE_ERRORS },
    delete: { summary: "Delete a note, leaving a tombstone in its thread (its author or an admin)", access: "edit", body: z.object({}), answer: json(writtenSchema), errors: WRITE_ERRORS },
  },
  "/api/attributions/{id}": {
    patch: { summary: "Correct an attribution (actor, stance, verb, sourcing, via chain, quote)", access: "edit", body: attributionEditSchema, answer: json(writtenSchema), errors: WRITE_ERRORS },
    delete: { summary: "Remove an attribution", access: "edit", body: versionOnlySchema, answer: json(writtenSchema), errors: WRITE_ERRORS },
  },
  "/api/attributions/{id}/accuracy": { post: { summary: "Mark whether the actor really said it", access: "edit", body: accuracyChangeSchema, answer: json(writtenSchema), errors: WRITE_ERRORS } },
  "/api/sources": { post: { summary: "Store an article's text so claims can quote it", access: "edit", body: sourceInputSchema, answer: json(writtenSchema, 201), errors: WRITE_ERRORS } },
  "/api/sources/{id}": {
    get: { summary: "A source with its text and every quote in it", access: "read", answer: json(sourceAnswerSchema), errors: [404] },
    patch: { summary: "Correct a source's title, outlet, address, author or date", access: "edit", body: sourceDetailsSchema, answer: json(writtenSchema), errors: WRITE_ERRORS },
  },
  "/api/sources/{id}/text": { put: { summary: "Add or replace a source's text; every quote is re-anchored and reported", access: "edit", body: sourceTextSchema, answer: json(z.looseObject({ source: writtenSchema, quotes: z.array(z.looseObject({})) })), errors: WRITE_ERRORS } },
  "/api/actors/{id}": {
    get: { summary: "An actor with aliases, counts and version", access: "read", answer: json(actorAnswerSchema), errors: [404] },
    patch: { summary: "Rename an actor, change its kind, role or aliases", access: "edit", body: actorEditSchema, answer: json(actorAnswerSchema), errors: WRITE_ERRORS },
  },
  "/api/actors/{id}/merge": { post: { summary: "Merge this actor into another", access: "edit", body: actorMergeSchema, answer: json(z.looseObject({ actor: actorAnswerSchema })), errors: WRITE_ERRORS } },
  "/api/health": { get: { summary: "Liveness: the server is up and a process read its database within the last 10 s", access: "public", answer: json(healthSchema), errors: [503] } },
  "/api/health/ready": { get: { summary: "Readiness: writes would succeed (disk, file permissions, last write)", access: "public", answer: json(healthSchema), errors: [503] } },
  "/api/openapi.json": { get: { summary: "This description", access: "public", answer: file("application/json") } },
  "/api/auth/{path}": {
    get: { summary: "better-auth's own endpoints (sessions); see better-auth's documentation", access: "public", answer: file("application/json") },
    post: { summary: "better-auth's own endpoints (sign in, sign out, change password)", access: "public", answer: file("application/json") },
  },
  "/export/claims.csv": { get: exportOf("One row per claim", "text/csv") },
  "/export/attributions.csv": { get: exportOf("One row per attribution (the file the importer reads)", "text/csv") },
  "/export/notes.csv": { get: exportOf("One row per note", "text/csv") },
  "/export/history.csv": { get: exportOf("One row per verdict or accuracy change", "text/csv") },
  "/export/claims.json": { get: exportOf("The claim records as a JSON array (`include=notes,history` adds them)", "application/json") },
  "/export/claims.ndjson": { get: exportOf("The claim records, one JSON object per line", "application/x-ndjson") },
  "/export/claimreview.jsonld": { get: exportOf("schema.org ClaimReview of the claims with a final verdict", "application/ld+json") },
  "/claims/{id}/claimreview.jsonld": { get: { summary: "The ClaimReview of one claim (404 while it has no final verdict)", access: "read", answer: file("application/ld+json"), errors: [404] } },
  "/admin/archive.jsonl.gz": { get: { summary: "The whole database as an archive, without accounts (docs/archive.md)", access: "admin", answer: file("application/gzip"), errors: [401, 403] } },
};

const ACCESS_WORDS: Record<Access, string> = {
  public: "Open to everyone.",
  read: "Open to everyone, unless the site runs with READ_ACCESS=login (then a session or a token of any role).",
  edit: "A fact-checker's or admin's session (same-origin) or API token.",
  admin: "An admin's session or API token.",
};

type Parameter = { name: string; in: "query" | "path"; required?: boolean; description: string; schema: Record<string, unknown> };

const CLAIM_QUERY: Parameter[] = [
  { name: "q", in: "query", description: "Full-text search over claims, quotes and actors", schema: { type: "string", maxLength: MAX_SEARCH_LENGTH } },
  { name: "status", in: "query", description: "Status keys (repeat or comma-separate)", schema: { type: "string" } },
  { name: "topic", in: "query", description: "Topic keys (repeat or comma-separate)", schema: { type: "string" } },
  { name: "stance", in: "query", description: "Stances (repeat or comma-separate)", schema: { type: "string", examples: [STANCES.join(",")] } },
  { name: "source", in: "query", description: "Source ids", schema: { type: "string" } },
  { name: "actor", in: "query", description: "Actor ids", schema: { type: "string" } },
  { name: "role", in: "query", description: "The actors' role", schema: { type: "string", enum: [...ACTOR_ROLES] } },
  { name: "contested", in: "query", description: "Asserted by one actor and denied by another", schema: { type: "string", enum: ["true", "false"] } },
  { name: "from", in: "query", description: "Published on or after (YYYY-MM-DD)", schema: { type: "string", format: "date" } },
  { name: "to", in: "query", description: "Published on or before (YYYY-MM-DD)", schema: { type: "string", format: "date" } },
  { name: "updated_since", in: "query", description: "Only claims whose record changed at or after this instant (incremental sync)", schema: { type: "string", format: "date-time" } },
  { name: "after_id", in: "query", description: "With updated_since and sort=updated: resume after this claim", schema: { type: "integer", minimum: 1 } },
  { name: "sort", in: "query", description: "Sort key, - for descending", schema: { type: "string", enum: SORT_KEYS.flatMap((key) => [key, `-${key}`]) } },
  { name: "page", in: "query", description: "Page number (the list only)", schema: { type: "integer", minimum: 1 } },
  { name: "pageSize", in: "query", description: "Claims per page (the list only)", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE } },
  { name: "cols", in: "query", description: "Columns shown on the page (ignored by the API)", schema: { type: "string", examples: [COLUMN_KEYS.join(",")] } },
  { name: "include", in: "query", description: "claims.json and claims.ndjson only", schema: { type: "string", examples: [EXPORT_INCLUDES.join(",")] } },
  { name: "bom", in: "query", description: "CSV files only: 1 adds a byte-order mark (Excel)", schema: { type: "string", enum: ["0", "1"] } },
  { name: "facets", in: "query", description: "GET /api/claims only: false leaves the facet counts out (fetch them from /api/claims/facets)", schema: { type: "string", enum: ["true", "false"] } },
];
const DELETED_QUERY: Parameter[] = [
  { name: "updated_since", in: "query", description: "Deletions at or after this instant", schema: { type: "string", format: "date-time" } },
  { name: "after_id", in: "query", description: "With updated_since: resume after this claim id", schema: { type: "integer", minimum: 1 } },
  { name: "pageSize", in: "query", description: "How many", schema: { type: "integer", minimum: 1, maximum: MAX_DELETED_PAGE_SIZE } },
];

const SIMILAR_LIMIT: Parameter = { name: "limit", in: "query", description: `How many claims (default ${DEFAULT_SIMILAR_LIMIT})`, schema: { type: "integer", minimum: 1, maximum: MAX_SIMILAR_LIMIT } };
const SIMILAR_QUERY: Parameter[] = [
  { name: "text", in: "query", required: true, description: "The words to match: a quote or a would-be claim", schema: { type: "string", minLength: 1, maxLength: MAX_SIMILAR_TEXT } },
  SIMILAR_LIMIT,
];
const QUERY_PARAMETERS: Record<NonNullable<Operation["query"]>, Parameter[]> = { claims: CLAIM_QUERY, deleted: DELETED_QUERY, similar: SIMILAR_QUERY, similarLimit: [SIMILAR_LIMIT] };

const STATUS_WORDS: Record<number, string> = {
  400: "Bad input: the message names what was wrong; nothing was written",
  401: "No or bad credentials",
  403: "Your role may not, or a cross-site request",
  404: "No such record",
  409: "Stale version: `current` says how the record looks now; nothing was written",
  308: "Merged into another claim: Location is the surviving claim",
  410: "Deleted: the body holds the tombstone",
  413: "Body too large",
  503: "The database is busy or cannot be written; retry (Retry-After)",
};

/** A zod schema as JSON Schema: request bodies as the client sends them, answers as the server writes them. */
const jsonSchema = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });

export function openApiDocument(routes: RouteTable = ROUTES): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, methods] of Object.entries(routes)) {
    const pathParameters: Parameter[] = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1]!, in: "path", required: true, description: match[1] === "id" ? "Record id (decimal digits)" : "Path", schema: { type: "string" } }));
    const item: Record<string, unknown> = {};
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = [...pathParameters, ...(operation.query ? QUERY_PARAMETERS[operation.query] : [])];
      const answer = "schema" in operation.answer ? { "application/json": { schema: jsonSchema(operation.answer.schema, "output") } } : { [operation.answer.file]: {} };
      item[method] = {
        summary: operation.summary,
        description: ACCESS_WORDS[operation.access],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } } : {}),
        security: operation.access === "public" ? [] : operation.access === "read" ? [{}, { bearer: [] }, { session: [] }] : [{ bearer: [] }, { session: [] }],
        responses: {
          [String(operation.answer.status)]: { description: "Success", content: answer },
          ...Object.fromEntries((operation.errors ?? []).map((status) => [String(status), status === 308 ? { description: STATUS_WORDS[status] } : { description: STATUS_WORDS[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }])),
        },
      };
    }
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Claimtrail", version: "1", description: "Claims in the news: who said what, through whom, and what fact-checkers concluded. See the README's API section and docs/export.md." },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (npm run users -- token, or the account page)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "A signed-in browser session; writes only from the same origin" },
      },
    },
  };
}
