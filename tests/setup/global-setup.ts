import { existsSync, mkdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { BASE_DATABASE, TEST_DATA_DIR } from "./paths";

/**
 * Once per run: migrate a fresh base database and load the seed article into it, with
 * the same code `npm start` uses. Test files copy it, so none pays for migrations.
 */
export default function setup() {
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "--conditions=react-server", "scripts/db/prepare.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DATABASE}`, NODE_ENV: "test" },
    stdio: "pipe",
  });
  if (!existsSync(BASE_DATABASE)) throw new Error("The base test database was not created");
}
