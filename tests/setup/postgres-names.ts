/** The URL of `database` on the server of `url` (same role, host and options). */
export function databaseUrlNamed(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The prefix of every database one test run makes: the name of TEST_POSTGRES_URL's own
 * database and the run's id, so runs never meet and a shared server's other databases
 * are never touched.
 */
export function postgresTestPrefix(url: string, run: string): string {
  const base = decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "claimtrail_test";
  return `${base}_${run}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
    postgresPrefix: string;
  }
}
