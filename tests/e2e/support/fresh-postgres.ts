/**
 * Before the browser-test server starts on PostgreSQL (E2E_DATABASE_URL set): drop and
 * create that database, so the run starts empty as it does on a new SQLite file. The role
 * of E2E_DATABASE_URL must be allowed to create databases. Does nothing on SQLite.
 */
import pg from "pg";

const url = process.env.E2E_DATABASE_URL;
if (url && /^postgres(ql)?:\/\//.test(url)) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
