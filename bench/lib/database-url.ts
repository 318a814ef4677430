import path from "node:path";

/**
 * The database the app's functions read in the bench process: a link that moves from one
 * size's database to the next (lib/env reads DATABASE_URL once). Imported first by
 * bench/run.ts, before anything that imports lib/env (lib/db/migrate.ts does, through the
 * synthetic data generator): a static import is evaluated before the importing module's
 * own code, so setting the variable in run.ts itself came too late.
 */
export const BENCH_DIR = path.resolve(import.meta.dirname, "../../.tmp/bench");
export const CURRENT_DATABASE = path.join(BENCH_DIR, "current.db");
process.env.DATABASE_URL = `file:${CURRENT_DATABASE}`;
