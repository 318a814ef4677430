import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject, vi } from "vitest";

/*
 * Each test file gets its own copy of the migrated, seeded base database (Epic Stack's
 * pattern): tests run against real SQLite with real migrations and triggers, never a
 * mock, and cannot see each other's writes. DATABASE_URL is set before any app module
 * reads it, because lib/env is imported only by the test file itself.
 */
const baseDatabase = inject("baseDatabase");
const file = path.join(path.dirname(baseDatabase), `file-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.db`);
copyFileSync(baseDatabase, file);
process.env.DATABASE_URL = `file:${file}`;

// Server Actions call these; outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

afterAll(async () => {
  const { closeDatabaseConnections } = await import("@/tests/support/close-connections");
  await closeDatabaseConnections();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});
