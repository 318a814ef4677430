import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseCorsOrigins, type CorsOriginsSetting } from "@/lib/http/cors-origins";
import { parseTrustedProxies, type ProxyRange } from "@/lib/http/trusted-proxies";

/** An absolute http(s) address that is an origin only: scheme, host and port, no path. */
function originSchema(name: string) {
  return z
    .url({ protocol: /^https?$/, error: `${name} must be an http(s) address such as https://claims.example.org` })
    .refine(isBareOrigin, { error: `${name} must be the site's address without a path, query or fragment, such as https://claims.example.org`, abort: true })
    .transform((value) => new URL(value).origin);
}

function isBareOrigin(value: string): boolean {
  // Zod runs this refinement even when the URL check above failed, so it must not throw.
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return ["", "/"].includes(url.pathname) && !url.search && !url.hash && !url.username && !url.password;
}

/** A whole number from `min` to `max`, with a message that names the setting. */
function wholeNumber(name: string, min: number, max: number) {
  const error = `${name} must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** The database kinds DATABASE_URL can name; decided here, once (docs/decisions/045). */
export type DatabaseKind = "sqlite" | "postgresql";

/** A `postgresql://` or `postgres://` URL with a host: the only form that selects PostgreSQL. */
function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\//i.test(value) || !URL.canParse(value)) return false;
  return new URL(value).hostname !== "" || new URL(value).searchParams.has("host");
}

/** Which database a DATABASE_URL names: PostgreSQL for a postgres(ql):// URL, else the SQLite file. */
export function databaseKindOf(databaseUrl: string): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgresql" : "sqlite";
}

/** An optional setting where an empty value (`NAME=` in an env file) means "not set". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/**
 * Environment, parsed once. Every setting has a default so that a fresh clone runs with
 * no .env file (the README promise); a bad value fails at start with a clear message
 * rather than somewhere deep in a request.
 */
const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .refine((value) => value.startsWith("file:") || isPostgresUrl(value), {
        error: "DATABASE_URL must be a SQLite file URL such as file:./data/claimtrail.db or a PostgreSQL URL such as postgresql://claimtrail@db.example.org/claimtrail",
      })
      .default("file:./data/claimtrail.db"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** "public": anyone may read and export (a published claim database); "login": sign-in required. */
    READ_ACCESS: z.enum(["public", "login"]).default("public"),
    /**
     * The fact-checking organisation that publishes the ClaimReviews (their author and
     * publisher). No default: without it the reviews name no one rather than the software.
     */
    ORGANISATION_NAME: optional(z.string().trim().min(1)),
    ORGANISATION_URL: optional(z.url({ protocol: /^https?$/, error: "ORGANISATION_URL must be an http(s) address" })),
    /** The address readers reach the site at: absolute links in ClaimReview, the sitemap and robots.txt. */
    PUBLIC_URL: optional(originSchema("PUBLIC_URL")),
    /** better-auth's own setting; also the public address when PUBLIC_URL is not set. */
    BETTER_AUTH_URL: optional(z.url({ protocol: /^https?$/, error: "BETTER_AUTH_URL must be an http(s) address" })),
    /** Signs session cookies; unset, one is generated once beside the database (lib/auth/secret.ts). */
    BETTER_AUTH_SECRET: optional(z.string().min(32, { error: "BETTER_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)" })),
    /** Sign-in attempts per account per minute (lib/auth/sign-in-limit.ts). */
    AUTH_SIGN_IN_MAX_ATTEMPTS: optional(
      z.coerce
        .number({ error: "AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more" })
        .int({ error: "AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more" })
        .min(1, { error: "AUTH_SIGN_IN_MAX_ATTEMPTS must be a whole number of 1 or more" }),
    ).transform((value) => value ?? 5),
    /**
     * The reverse proxies in front of the server (addresses or CIDR ranges, comma-separated):
     * only from these is X-Forwarded-For believed when working out a client's address
     * (lib/http/client-address.ts). Unset: the client is the socket's peer.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, context): ProxyRange[] => {
        const parsed = parseTrustedProxies(value);
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        }
        return parsed.ranges;
      }),
    /** Origins whose pages may read the API and exports from a browser (lib/http/cors.ts). */
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value, context): CorsOriginsSetting | undefined => {
        const parsed = parseCorsOrigins(value);
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        }
        return parsed.setting;
      }),
    /**
     * How many server processes `npm start` runs on the port (scripts/start.ts); unset,
     * one per core. 1 is a single process, as `next start` was (docs/decisions/050).
     */
    WEB_CONCURRENCY: optional(wholeNumber("WEB_CONCURRENCY", 1, 64)).transform((value) => value ?? os.availableParallelism()),
    /**
     * A server process that has not reported to the primary for this many seconds (its
     * event loop blocked: a request stuck in synchronous work) is killed and replaced
     * (lib/server/primary-door.ts, docs/decisions/068); 0 never kills one.
     */
    WORKER_STALL_SECONDS: optional(wholeNumber("WORKER_STALL_SECONDS", 0, 3600)).transform((value) => value ?? 60),
    /**
     * Load shedding (lib/server/overload.ts): a process whose event loop lagged more than
     * this many milliseconds on average over the last second answers new GET reads 503
     * with Retry-After instead of queueing them. High by default: on a shared machine a
     * process that merely waits for a CPU lags too, and the in-flight limit is the signal
     * that tracks queueing; this one catches a process stalled by long synchronous work.
     */
    SHED_EVENT_LOOP_DELAY_MS: optional(wholeNumber("SHED_EVENT_LOOP_DELAY_MS", 1, 60_000)).transform((value) => value ?? 500),
    /** Load shedding: the wait (in flight × busy time per request) past which new GET reads are answered 503. */
    SHED_QUEUE_MS: optional(wholeNumber("SHED_QUEUE_MS", 1, 600_000)).transform((value) => value ?? 100),
    /** Load shedding: reads one process may have in flight before new GET reads are answered 503. */
    SHED_MAX_IN_FLIGHT: optional(wholeNumber("SHED_MAX_IN_FLIGHT", 1, 100_000)).transform((value) => value ?? 32),
    /** Seconds a shared cache may keep a public read (Cache-Control max-age, lib/http/conditional.ts). */
    PUBLIC_CACHE_SECONDS: optional(wholeNumber("PUBLIC_CACHE_SECONDS", 0, 86_400)).transform((value) => value ?? 5),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((values, context) => {
    if (values.ORGANISATION_URL && !values.ORGANISATION_NAME) {
      context.addIssue({ code: "custom", path: ["ORGANISATION_URL"], message: "ORGANISATION_URL is set but ORGANISATION_NAME is not: name the organisation too" });
    }
    if (values.READ_ACCESS === "login" && values.CORS_ORIGINS === "*") {
      context.addIssue({
        code: "custom",
        path: ["CORS_ORIGINS"],
        message: "CORS_ORIGINS=* is not allowed with READ_ACCESS=login: list the origins whose pages may read, e.g. https://notebook.example.org",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parse an environment (the process's, or a test's); throws naming every bad setting. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

/** The settings the public address is made from. */
export type PublicAddressSettings = Pick<Env, "PUBLIC_URL" | "BETTER_AUTH_URL" | "PORT">;

/**
 * The site's public origin, for every absolute link it publishes (ClaimReview `url`, the
 * sitemap, robots.txt): PUBLIC_URL, else BETTER_AUTH_URL's origin, else localhost. Never
 * taken from a request's Host or X-Forwarded-* headers, which any client can set.
 */
export function publicOrigin(values: PublicAddressSettings = env): string {
  if (values.PUBLIC_URL) return values.PUBLIC_URL;
  if (values.BETTER_AUTH_URL) return new URL(values.BETTER_AUTH_URL).origin;
  return `http://localhost:${values.PORT}`;
}

/** Absolute path of the SQLite file named by a `file:` URL, relative paths resolved from the working directory. */
export function sqliteFilePath(databaseUrl: string = env.DATABASE_URL): string {
  // The database lives wherever the operator says; it is not part of the build output.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), databaseUrl.replace(/^file:/, ""));
}

/**
 * Where files the server keeps for itself live (the generated auth secret): beside the
 * SQLite file, or ./data when the database is PostgreSQL. Several servers on one
 * PostgreSQL database must share BETTER_AUTH_SECRET instead (docs/deploy.md).
 */
export function localDataDir(databaseUrl: string = env.DATABASE_URL): string {
  if (databaseKindOf(databaseUrl) === "postgresql") return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  return path.dirname(sqliteFilePath(databaseUrl));
}
