/**
 * `npm run test:browser:postgresql`: one browser journey (the fact-checker's) again, with
 * the server on PostgreSQL, and two servers on that one database, when TEST_POSTGRES_URL is set (docs/decisions/048). Its
 * database is TEST_POSTGRES_URL's name plus "_e2e", recreated empty for the run.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { parseCommandLine } from "../../../scripts/shared/command-line";

/** The fact-checker's journey, and two servers on the one database (`*.postgresql.spec.ts`, left out on SQLite). */
const JOURNEYS = ["tests/e2e/fact-checker.spec.ts", "tests/e2e/two-servers.postgresql.spec.ts"];

const USAGE = `Usage: npm run test:browser:postgresql

Runs ${JOURNEYS.join(" and ")} with the server on PostgreSQL: the database named by TEST_POSTGRES_URL
with "_e2e" added, recreated empty (TEST_POSTGRES_URL's role must be allowed to create
databases). Without TEST_POSTGRES_URL it says so and exits 0.`;

const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {});
if ("exitCode" in commandLine) process.exit(commandLine.exitCode);

const admin = process.env.TEST_POSTGRES_URL;
if (!admin) {
  console.log("TEST_POSTGRES_URL is not set: the browser journey on PostgreSQL does not run.");
  process.exit(0);
}
const url = new URL(admin);
url.pathname = `${url.pathname}_e2e`;
const playwright = createRequire(import.meta.url).resolve("@playwright/test/cli");
const result = spawnSync(process.execPath, [playwright, "test", ...JOURNEYS], {
  stdio: "inherit",
  env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_DIR: process.env.E2E_DIR ?? ".tmp/e2e-postgresql" },
});
process.exit(result.status ?? 1);
