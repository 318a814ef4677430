/**
 * `npm run db:derive-schema`: write prisma/postgresql/schema.prisma from prisma/schema.prisma
 * (lib/db/postgres/derive-schema.ts). Run it after every schema change, then write the
 * PostgreSQL migration with `prisma migrate diff` (docs/decisions/046).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "@/lib/db/postgres/derive-schema";

writeFileSync(POSTGRES_SCHEMA_PATH, derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8")));
console.log(`Wrote ${POSTGRES_SCHEMA_PATH}.`);
