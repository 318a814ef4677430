import pg from "pg";
import { copyDatabase } from "@/lib/db/copy";
import { ensureAnyMigrated, migrateAnyDatabase } from "@/lib/db/migrate";
import { clientConfig, unavailable } from "@/lib/db/postgres/connection";
import { sameManifest, type Manifest } from "../synthetic-database";
import { quoteIdentifier, recreateDatabase } from "../../../tools/harness/postgres";

/**
 * The PostgreSQL twin of a synthetic SQLite database: database `<prefix>_<size>` on the
 * server of `serverUrl` (whose role may create databases), filled by `npm run db:copy`'s
 * copy (lib/db/copy.ts) and analysed. Its manifest (size, seed, generator) is the
 * database's comment: a database with the SQLite one's manifest is reused, any other is
 * dropped and made again.
 */
export async function ensurePostgresTwin(options: { serverUrl: string; prefix: string; sqliteFile: string; manifest: Manifest; regenerate: boolean }): Promise<{ url: string; note: string }> {
  const name = `${options.prefix}_${options.manifest.claims}`;
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client(clientConfig(options.serverUrl));
  admin.on("error", () => undefined);
  try {
    await admin.connect();
  } catch (error) {
    throw unavailable(options.serverUrl, error);
  }
  try {
    const existing = await admin.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
    const comment = existing.rows[0]?.comment ?? null;
    if (!options.regenerate && existing.rowCount && sameManifest(comment ? (JSON.parse(comment) as Manifest) : null, options.manifest)) {
      // A PostgreSQL-only migration (an index) changes no manifest: applied to the reused database.
      await ensureAnyMigrated(url.toString());
      return { url: url.toString(), note: `reused PostgreSQL database ${name}` };
    }
    await recreateDatabase(url.toString());
    const started = performance.now();
    await migrateAnyDatabase(url.toString());
    const copied = await copyDatabase(`file:${options.sqliteFile}`, url.toString());
    // Planner statistics now, not whenever autovacuum gets to the new tables.
    const target = new pg.Client(clientConfig(url.toString()));
    await target.connect();
    await target.query("VACUUM ANALYZE");
    await target.end();
    // Written last: a copy that failed half-way leaves no manifest, so the next run starts again.
    await admin.query(`COMMENT ON DATABASE ${quoteIdentifier(name)} IS ${pg.escapeLiteral(JSON.stringify(options.manifest))}`);
    return { url: url.toString(), note: `copied into PostgreSQL database ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s (${copied.rows.Claim ?? 0} claims)` };
  } finally {
    await admin.end().catch(() => undefined);
  }
}
