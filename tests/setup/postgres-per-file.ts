import pg from "pg";
import { afterAll, inject, vi } from "vitest";
import { databaseUrlNamed } from "./postgres-names";

/*
 * The PostgreSQL twin of database-per-file.ts: each test file gets its own database made
 * from the migrated, seeded template of this run, so files cannot see each other's
 * writes. DATABASE_URL is set before any app module reads it.
 */
const adminUrl = process.env.TEST_POSTGRES_URL!;
const database = `${inject("postgresPrefix")}_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  // Two files copying the template at the same moment: PostgreSQL refuses the second
  // while the first copies ("source database … is being accessed"); wait and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${inject("postgresTemplate")}"`);
      break;
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
} finally {
  await admin.end();
}
process.env.DATABASE_URL = databaseUrlNamed(adminUrl, database);

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

afterAll(async () => {
  const { closeDatabaseConnections } = await import("@/tests/support/close-connections");
  await closeDatabaseConnections();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
});
