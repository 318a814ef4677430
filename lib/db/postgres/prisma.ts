import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clientConfig } from "@/lib/db/postgres/connection";
import { withGuardedTransactions } from "@/lib/db/guarded-transactions";

/** Connections of the write pool per process; several servers share one database's limit (docs/deploy.md). */
const WRITE_POOL_SIZE = 10;

/**
 * Prisma on PostgreSQL through node-postgres (`@prisma/adapter-pg`), with the client
 * generated from the derived schema (prisma/postgresql/schema.prisma). The models, fields
 * and methods are the same as the SQLite client's, generated from the same models; the
 * app keeps one client type (docs/decisions/045), so this client is typed as that one.
 * What exists on one provider only (e.g. `mode: "insensitive"` filters) is not used.
 */
export function createPostgresPrismaClient(databaseUrl: string, transactionWaitMs: number): PrismaClient {
  // A failed COMMIT gives its connection back to the pool (lib/db/guarded-transactions.ts).
  const adapter = withGuardedTransactions(new PrismaPg({ ...clientConfig(databaseUrl), max: WRITE_POOL_SIZE }));
  const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: transactionWaitMs } });
  // Same models from the same source file; only the provider-specific filter types differ.
  return client as unknown as PrismaClient;
}
