import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEST_DATA_ROOT } from "./paths";

/**
 * Once per run: migrate a fresh base database and load the seed article into it, with
 * the same code `npm start` uses. Test files copy it, so none pays for migrations.
 */
export default function setup(project: TestProject) {
  const runDir = path.join(TEST_DATA_ROOT, `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const baseDatabase = path.join(runDir, "base.db");
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "--conditions=react-server", "scripts/db/prepare.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${baseDatabase}`, NODE_ENV: "test" },
    stdio: "pipe",
  });
  if (!existsSync(baseDatabase)) throw new Error("The base test database was not created");
  project.provide("baseDatabase", baseDatabase);
  // Also for modules that read it at import time (tests/setup/paths.ts); workers inherit it.
  process.env.CLAIMTRAIL_TEST_BASE_DATABASE = baseDatabase;
  return () => rmSync(runDir, { recursive: true, force: true });
}
