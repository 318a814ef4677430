import path from "node:path";
import { z } from "zod";

/**
 * Environment, parsed once. Every setting has a default so that a fresh clone runs with
 * no .env file (the README promise); a bad value fails at start with a clear message
 * rather than somewhere deep in a request.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .startsWith("file:", { error: "DATABASE_URL must be a SQLite file URL such as file:./data/claimtrail.db" })
    .default("file:./data/claimtrail.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** "public": anyone may read and export (a published claim database); "login": sign-in required. */
  READ_ACCESS: z.enum(["public", "login"]).default("public"),
  /** Name of the fact-checking organisation, used as the ClaimReview author. */
  ORGANISATION_NAME: z.string().min(1).default("Claimtrail"),
  ORGANISATION_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

/** Absolute path of the SQLite file named by a `file:` URL, relative paths resolved from the working directory. */
export function sqliteFilePath(databaseUrl: string = env.DATABASE_URL): string {
  // The database lives wherever the operator says; it is not part of the build output.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), databaseUrl.replace(/^file:/, ""));
}
