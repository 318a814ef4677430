import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COPIED_TABLES } from "@/lib/db/copy";

/*
 * `npm run db:copy` copies every table of the data model: a model added to
 * prisma/schema.prisma without a place in COPIED_TABLES (lib/db/copy.ts) fails here, so a
 * move between databases never silently leaves a table behind.
 */
function modelTables(schema: string): string[] {
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => body!.match(/@@map\("([^"]+)"\)/)?.[1] ?? name!);
}

describe("db:copy", () => {
  it("copies every table of prisma/schema.prisma, each once", () => {
    const tables = modelTables(readFileSync("prisma/schema.prisma", "utf8"));
    expect(tables.length).toBeGreaterThan(15);
    expect([...COPIED_TABLES].sort()).toEqual([...new Set(tables)].sort());
  });
});
