import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI does not load .env when a config file exists; default the URL here so that
// `env("DATABASE_URL")` in the schema resolves for every command. Keep this default in
// step with lib/env.ts.
process.env.DATABASE_URL ??= "file:./data/claimtrail.db";

export default defineConfig({
  experimental: { adapter: true },
  // The JS engine runs the WASM schema engine through the adapter: no native binary is
  // downloaded, which is what makes migrations work offline (docs/decisions/001).
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  // `prisma db seed` and `prisma migrate reset` load the example article, as `npm run db:seed` does.
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx --conditions=react-server prisma/seed.ts" },
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }, { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL }),
});
