import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The PostgreSQL twin of prisma.config.ts, for `prisma generate` and `prisma migrate diff`
// on prisma/postgresql/schema.prisma. The JS engine needs an adapter to be named; neither
// command connects, so any PostgreSQL URL does (docs/decisions/045). Migrations are applied
// by lib/db/postgres/migrate.ts, not by this CLI.
process.env.DATABASE_URL = process.env.POSTGRES_SCHEMA_URL ?? "postgresql://claimtrail@localhost/claimtrail";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
