/**
 * `npm start`: everything a fresh clone needs, in order, once. Migrate (creating the
 * SQLite file on first start) and seed an empty database; build when there is no build or
 * the sources changed since the last one; then serve the production build on PORT from
 * WEB_CONCURRENCY processes (scripts/serve.ts), which never migrate or build themselves.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describeFatalError } from "@/lib/db/unavailable";
import { publishingNotices } from "@/lib/export/review-context";
import { prepareDatabase } from "./db/prepare";
import { parseCommandLine } from "./shared/command-line";
import { serve } from "./serve";
import { buildFingerprint, buildIsStale, fingerprintFile } from "./start/build-fingerprint";

const require = createRequire(import.meta.url);
const nextCli = require.resolve("next/dist/bin/next");
const root = process.cwd();
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const USAGE = `Usage: npm start

Migrate the database at DATABASE_URL (a SQLite file is created on first start; a
postgresql:// URL selects PostgreSQL), load the example article into an empty database,
build the app when the sources changed, and serve it on PORT (default 3000) from
WEB_CONCURRENCY processes. Settings are environment variables: see the README.`;

async function main() {
  const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {});
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  await prepareDatabase();
  for (const notice of publishingNotices()) console.warn(`Note: ${notice}`);

  if (buildIsStale(root)) {
    console.log("Building the app (first start, or the sources changed)…");
    const build = spawnSync(process.execPath, [nextCli, "build"], { stdio: "inherit", env: childEnv });
    // A failed build can leave .next/BUILD_ID behind, so the exit code decides.
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(fingerprintFile(root), buildFingerprint(root));
  }

  await serve();
}

main().catch((error: unknown) => {
  console.error(describeFatalError(error) ?? error);
  process.exit(1);
});
