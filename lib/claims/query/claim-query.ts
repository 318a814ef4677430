import { z } from "zod";
import { unknownKey } from "@/lib/text/text-schema";
import { STANCES, stanceSchema } from "@/lib/vocabulary/terms";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "@/lib/text/control-characters";
import { recentlyUsed } from "@/lib/memo/recently-used";

/**
 * The state of a claim list, as it lives in the URL. One schema serves the /claims page,
 * GET /api/claims, the stance matrix and every export, so a link, an API call and a
 * downloaded file always mean the same set of claims.
 *
 * Multi-valued parameters may repeat (`status=true&status=false`) or use commas
 * (`status=true,false`). Unknown parameters are ignored; a known one with a bad value is
 * an error that names it.
 */

export const ACTOR_ROLES = ["any", "asserted", "denied", "relayed", "declined"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  any: "in any role",
  asserted: "asserted by",
  denied: "denied by",
  relayed: "relayed by",
  declined: "declined to clarify",
};

export const SORT_KEYS = ["updated", "claim", "topic", "status", "sources", "published", "relevance"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Columns of the claim table that a user can hide; `claim` is always shown. */
export const COLUMN_KEYS = ["topic", "status", "asserted", "denied", "via", "sources", "updated"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LENGTH = 500;

export type ClaimQuery = {
  q: string | undefined;
  status: string[];
  topic: string[];
  stance: (typeof STANCES)[number][];
  source: number[];
  actor: number[];
  role: ActorRole;
  contested: boolean | undefined;
  from: string | undefined;
  to: string | undefined;
  /** Incremental sync: only claims whose record changed at or after this instant (canonical ISO, "…Z"). */
  updatedSince: string | undefined;
  /** Incremental sync: with updatedSince, leave out the claims changed at exactly that instant with an id up to this one. */
  afterId: number | undefined;
  sort: SortKey;
  desc: boolean;
  page: number;
  pageSize: number;
  cols: ColumnKey[];
};

/** What the schema needs to know about the current vocabulary (statuses and topics are records). */
export type QueryVocabulary = { statusKeys: readonly string[]; topicKeys: readonly string[] };

export type RawParams = Record<string, string | string[] | undefined>;

// The casts tell zod that these items receive strings (the URL only holds strings);
// coercing schemas declare their input as unknown.
const many = <T extends z.ZodType>(item: T) =>
  z
    .array(z.string())
    .transform((values) => values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean))
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>)
    .transform((values) => [...new Set(values)]);

/**
 * A whole number written in decimal digits, as path ids are (lib/http/ids.ts): `Number()`
 * would also take `1e3`, `0x10`, ` 7 ` and numbers past 2^53 that it cannot represent.
 */
const wholeNumber = (min: number, tooSmall: string) =>
  z.string().transform((value, context) => {
    const problem = (message: string) => (context.addIssue({ code: "custom", message }), z.NEVER);
    if (/^-?[0-9]+\.[0-9]+$/.test(value)) return problem("must be a whole number");
    if (!/^-?[0-9]+$/.test(value)) return problem("must be a number written in digits");
    const number = Number(value);
    if (number < min) return problem(tooSmall);
    if (!Number.isSafeInteger(number)) return problem("is too large");
    return number;
  });

export const positiveId = wholeNumber(1, "must be a positive id");

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
export const isoInstant = z.iso
  .datetime({ offset: true, error: "must be a date and time with its zone, e.g. 2024-10-15T09:30:00Z" })
  .transform((value) => new Date(value).toISOString());

/** The last value given (later wins, as in most web frameworks); an empty value counts as absent. */
export const single = <T extends z.ZodType>(item: T) =>
  z
    .array(z.string())
    .transform((values) => {
      const last = values.at(-1);
      return last === "" ? undefined : last;
    })
    .pipe(item as unknown as z.ZodType<z.output<T>, string | undefined>);

function vocabularyValue(keys: readonly string[], what: string) {
  return z.string().refine((value) => keys.includes(value), {
    error: (issue) => unknownKey(what, String(issue.input), keys),
  });
}

const sortSchema = z
  .string()
  .regex(new RegExp(`^-?(${SORT_KEYS.join("|")})$`), {
    error: `must be one of ${SORT_KEYS.join(", ")}, optionally prefixed by - for descending`,
  });

export function claimQuerySchema(vocabulary: QueryVocabulary) {
  return z
    .object({
      q: single(z.string().trim().max(MAX_SEARCH_LENGTH, { error: `must be at most ${MAX_SEARCH_LENGTH} characters` }).optional()),
      status: many(vocabularyValue(vocabulary.statusKeys, "status")),
      topic: many(vocabularyValue(vocabulary.topicKeys, "topic")),
      stance: many(stanceSchema),
      source: many(positiveId),
      actor: many(positiveId),
      role: single(z.enum(ACTOR_ROLES, { error: `must be one of ${ACTOR_ROLES.join(", ")}` }).default("any")),
      contested: single(
        z
          .enum(["true", "false", "1", "0", ""], { error: "must be true or false" })
          .optional()
          .transform((value) => (value === undefined || value === "" ? undefined : value === "true" || value === "1")),
      ),
      from: single(isoDate.optional()),
      to: single(isoDate.optional()),
      updated_since: single(isoInstant.optional()),
      after_id: single(positiveId.optional()),
      sort: single(sortSchema.optional()),
      page: single(wholeNumber(1, "must be 1 or more").default(1)),
      pageSize: single(
        wholeNumber(1, "must be 1 or more")
          .default(DEFAULT_PAGE_SIZE)
          .transform((size) => Math.min(size, MAX_PAGE_SIZE)),
      ),
      cols: z
        .array(z.string())
        .transform((values) => (values.length === 0 ? undefined : values.flatMap((v) => v.split(",")).filter(Boolean)))
        .pipe(z.array(z.enum(COLUMN_KEYS, { error: `must list columns among ${COLUMN_KEYS.join(", ")}` })).optional()),
    })
    .transform(({ sort, cols, q, updated_since, after_id, ...rest }): ClaimQuery => {
      const search = q === "" ? undefined : q;
      const requested = sort ?? (search ? "relevance" : "-updated");
      const key = requested.replace(/^-/, "") as SortKey;
      return {
        ...rest,
        updatedSince: updated_since,
        afterId: after_id,
        q: search,
        // Relevance needs a search; without one fall back to the default order.
        sort: key === "relevance" && !search ? "updated" : key,
        desc: key === "relevance" && !search ? true : requested.startsWith("-"),
        cols: cols ? [...new Set(cols)] : [...COLUMN_KEYS],
      };
    })
    .refine((query) => !query.from || !query.to || query.from <= query.to, {
      path: ["to"],
      error: "must not be before from",
    })
    // Resuming after a claim only means something in the order claims changed in.
    .refine((query) => query.afterId === undefined || (query.updatedSince !== undefined && query.sort === "updated" && !query.desc), {
      path: ["after_id"],
      error: "needs updated_since and sort=updated (oldest change first): it resumes a sync after the last claim received",
    });
}

/** The parameters of a list view (README, "The query parameters"). */
const QUERY_PARAMETERS = ["q", "status", "topic", "stance", "source", "actor", "role", "contested", "from", "to", "updated_since", "after_id", "sort", "page", "pageSize", "cols"] as const;

/** Next's searchParams object or a URLSearchParams, as arrays per parameter (missing → []). */
export function toParamArrays(params: RawParams | URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, value: string) => (out[key] ??= []).push(value);
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) add(key, item);
    }
  }
  for (const key of QUERY_PARAMETERS) {
    out[key] ??= [];
  }
  return out;
}

/**
 * The schema of each vocabulary in use, built once: zod compiles an object schema on its
 * first parse, and building one per request cost 1.5–3 ms of CPU, more than the SQL of a
 * small list. Keyed by the keys themselves, not the vocabulary object, which is reloaded
 * whenever the database changes; the few most recent are kept (the keys change only
 * when an editor adds or renames a status or topic).
 */
const schemas = new Map<string, ReturnType<typeof claimQuerySchema>>();
const KEPT_SCHEMAS = 4;

function schemaFor(vocabulary: QueryVocabulary): ReturnType<typeof claimQuerySchema> {
  const key = JSON.stringify([vocabulary.statusKeys, vocabulary.topicKeys]);
  return recentlyUsed(schemas, key, KEPT_SCHEMAS, () => claimQuerySchema(vocabulary));
}

export type QueryProblem = { parameter: string; message: string };

export type ParsedClaimQuery = { ok: true; query: ClaimQuery } | { ok: false; problems: QueryProblem[] };

export function parseClaimQuery(params: RawParams | URLSearchParams, vocabulary: QueryVocabulary): ParsedClaimQuery {
  const values = toParamArrays(params);
  // Checked on every parameter before any schema: no search, filter or page number has one.
  const withControl = QUERY_PARAMETERS.filter((name) => values[name]!.some(hasControlCharacter));
  if (withControl.length > 0) return { ok: false, problems: withControl.map((parameter) => ({ parameter, message: CONTROL_CHARACTER_MESSAGE })) };
  const parsed = schemaFor(vocabulary).safeParse(values);
  if (parsed.success) return { ok: true, query: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      parameter: String(issue.path[0] ?? "query"),
      message: issue.message,
    })),
  };
}

/** A one-line message naming every bad parameter: "page: must be 1 or more". */
export function describeProblems(problems: readonly QueryProblem[]): string {
  return problems.map((problem) => `${problem.parameter}: ${problem.message}`).join("; ");
}
