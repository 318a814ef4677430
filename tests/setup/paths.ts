import path from "node:path";

/** Where test databases live: each run gets its own folder, so parallel runs never meet. */
export const TEST_DATA_ROOT = path.resolve(import.meta.dirname, "../../.tmp/test-db");
/** Scratch space for tests that make databases of their own. */
export const TEST_DATA_DIR = TEST_DATA_ROOT;

/**
 * The migrated, seeded base database of this run (set by global-setup.ts before the test
 * workers start; empty in the main process before then).
 */
export const BASE_DATABASE = process.env.CLAIMTRAIL_TEST_BASE_DATABASE ?? "";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}
