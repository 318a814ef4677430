/**
 * Where the load tools keep what they share: `npm run load` prepares the database and the
 * build here, and `npm run load:cost` serves the same ones (load/cost-per-kind.ts).
 */
import path from "node:path";

export const LOAD_DIR = path.join(process.cwd(), ".tmp/load");
export const LOAD_DATABASE_FILE = path.join(LOAD_DIR, "claimtrail.db");
export const LOAD_BUILD_LOG = path.join(LOAD_DIR, "build.log");
/** The production build the load tools serve, apart from everyone's .next. */
export const LOAD_DIST_DIR = ".next-load";
export const LOAD_PORT_RANGE = [3500, 3599] as const;
