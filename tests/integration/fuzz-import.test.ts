import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { runImport } from "@/lib/import/run-import";
import { databaseFingerprint } from "@/tests/support/database-fingerprint";

/*
 * The importer against hostile files: any bytes, any header, any cell. It either writes
 * the whole file or refuses it with row-level problems; it never throws, and a refusal
 * leaves every row of every table as it was.
 */

const hostileCell = fc.oneof(
  fc.constantFrom("", " ", "=1+1", "+cmd", "-2", "@SUM(A1)", "'=x", "\t", "\r", "\"", "\"\"", ",", "\n", "NaN", "-1", "0", "99999999999", "1.5", "true", "2024-02-30", "2024-10-15T00:00:00.000Z", "asserts", "denies", "troop-deaths", "unreviewed", "false", "person", "named", "unchecked", "Peskov", "fake news", "Reuters > TASS", "🧪", "Песков", "북한", "<script>x</script>", "'; DROP TABLE Claim; --"),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

const header = fc.oneof(
  fc.constant([...IMPORT_COLUMNS]),
  fc.shuffledSubarray([...IMPORT_COLUMNS], { minLength: 1 }),
  fc.array(fc.oneof(fc.constantFrom(...IMPORT_COLUMNS), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 22 }),
);

const csvFile = header.chain((columns) =>
  fc.array(fc.array(hostileCell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 6 }).map((rows) => Buffer.from(stringify([columns, ...rows]), "utf8")),
);

const anyBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes));

describe("fuzzing the CSV importer", () => {
  it("either imports the whole file or refuses it with problems, writing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFile, csvFile, anyBytes), fc.boolean(), async (bytes, createTopics) => {
        const before = await databaseFingerprint();
        const report = await runImport(prisma, { bytes, fileName: "fuzz.csv" }, { userId: null, createTopics });
        if (report.committed) {
          expect(report.problems).toEqual([]);
        } else {
          expect(report.problems.length).toBeGreaterThan(0);
          for (const problem of report.problems) {
            expect(problem.message.length).toBeGreaterThan(0);
            expect(problem.row).toBeGreaterThanOrEqual(0);
          }
          expect(await databaseFingerprint()).toBe(before);
        }
      }),
      { numRuns: 120 },
    );
  });
});
