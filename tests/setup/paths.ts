import path from "node:path";

/** Where test databases live: a migrated, seeded base and one copy per test file's worker. */
export const TEST_DATA_DIR = path.resolve(import.meta.dirname, "../../.tmp/test-db");
export const BASE_DATABASE = path.join(TEST_DATA_DIR, "base.db");
