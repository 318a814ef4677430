/**
 * Before the browser-test server starts on PostgreSQL (E2E_DATABASE_URL set): drop and
 * create that database, so the run starts empty as it does on a new SQLite file. The role
 * of E2E_DATABASE_URL must be allowed to create databases. Does nothing on SQLite.
 */
import { recreateDatabase } from "@/tools/harness/postgres";

const url = process.env.E2E_DATABASE_URL;
if (url && /^postgres(ql)?:\/\//.test(url)) await recreateDatabase(url);
