import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "@/lib/db/postgres/derive-schema";

/*
 * One schema, two providers (docs/decisions/045): prisma/schema.prisma is the source of
 * truth and prisma/postgresql/schema.prisma is derived from it. A schema change without
 * `npm run db:derive-schema` (and a PostgreSQL migration) fails here.
 */
describe("the PostgreSQL schema", () => {
  it("is the one derived from prisma/schema.prisma (run npm run db:derive-schema)", () => {
    expect(readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8")));
  });

  it("differs only in the provider and the client's folder", () => {
    const derived = derivePostgresSchema('generator client {\n  output = "../lib/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\n');
    expect(derived).toContain('output = "../../lib/generated/prisma-pg"');
    expect(derived).toContain('provider = "postgresql"');
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/derive-schema/);
  });
});
