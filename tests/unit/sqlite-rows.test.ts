import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { rowStatement } from "@/lib/db/sqlite-rows";

/*
 * The reader's rows are built in JavaScript from raw arrays (lib/db/sqlite-rows.ts); they
 * must be the objects better-sqlite3 itself would have made, whatever the statement.
 */
const db = new Database(":memory:");
db.exec(`CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "name" TEXT, "odd ""name""" TEXT, "n" REAL);
  INSERT INTO "t" VALUES (1, 'a', 'x', 1.5), (2, 'b', NULL, NULL), (3, 'c', 'z', 3)`);
afterAll(() => db.close());

const STATEMENTS = [
  `SELECT * FROM "t" ORDER BY "id"`,
  `SELECT "id", "name" AS "id" FROM "t" ORDER BY "id"`, // a repeated name keeps its last value
  `SELECT "id", "name" AS "__proto__" FROM "t" ORDER BY "id"`, // not a plain key: better-sqlite3's own objects
  `SELECT count(*), max("n") FROM "t"`,
  `SELECT "id" AS "constructor", "name" AS "toString" FROM "t" ORDER BY "id"`,
  `PRAGMA data_version`,
];

describe("rows built from raw arrays", () => {
  it("equal better-sqlite3's objects for all, get and iterate", () => {
    for (const text of STATEMENTS) {
      const expected = db.prepare(text).all();
      const statement = rowStatement(db.prepare(text));
      expect(statement.all([]), text).toEqual(expected);
      expect(statement.get([]), text).toEqual(expected[0]);
      expect([...statement.iterate([])], text).toEqual(expected);
      expect(Object.getPrototypeOf(statement.all([])[0]), text).toBe(Object.prototype);
    }
  });

  it("bind parameters, answer undefined for no row, and close a cursor left early", () => {
    const statement = rowStatement(db.prepare(`SELECT "id", "name" FROM "t" WHERE "id" >= ? ORDER BY "id"`));
    expect(statement.all([2])).toEqual([
      { id: 2, name: "b" },
      { id: 3, name: "c" },
    ]);
    expect(statement.get([9])).toBeUndefined();
    for (const row of statement.iterate([1])) {
      expect(row).toEqual({ id: 1, name: "a" });
      break;
    }
    // A cursor still open would make the connection refuse this.
    expect(() => db.exec(`CREATE TABLE "u" ("id" INTEGER)`)).not.toThrow();
  });

  it("runs a statement that returns no rows as it is", () => {
    const statement = rowStatement(db.prepare(`UPDATE "t" SET "n" = 0 WHERE "id" = 99`));
    expect(() => statement.all([])).toThrow(/does not return data/);
  });
});
