/**
 * `npm run db:derive-schema`: write prisma/postgresql/schema.prisma from prisma/schema.prisma
 * (lib/db/postgres/derive-schema.ts). Run it after every schema change, then write the
 * PostgreSQL migration with `prisma migrate diff` (docs/decisions/046).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "@/lib/db/postgres/derive-schema";
import { parseCommandLine } from "../shared/command-line";

const USAGE = `Usage: npm run db:derive-schema

Writes ${POSTGRES_SCHEMA_PATH} from prisma/schema.prisma (the PostgreSQL provider and client
folder; nothing else differs). Then generate the PostgreSQL client and write the PostgreSQL
migration (docs/decisions/046).`;

const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {});
if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
writeFileSync(POSTGRES_SCHEMA_PATH, derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8")));
console.log(`Wrote ${POSTGRES_SCHEMA_PATH}.`);
