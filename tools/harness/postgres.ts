import pg from "pg";

/**
 * Drop the PostgreSQL database `url` names (closing its connections) and create it again,
 * empty, so that a run starts from nothing as it does on a new SQLite file. The role of
 * `url` must be allowed to create databases; the work is done from the server's
 * `postgres` maintenance database, since a database cannot drop itself.
 */
export async function recreateDatabase(url: string): Promise<void> {
  const name = quoteIdentifier(databaseName(url));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** The database a PostgreSQL URL names. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** A name as a PostgreSQL identifier, double-quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
