import { describe, expect, it } from "vitest";
import { toTsQuery } from "@/lib/claims/search/fts-query";
import { storedTimestamp } from "@/lib/db/postgres/values";
import { numberedPlaceholders, replacePlaceholders, sql } from "@/lib/db/sql";

/* The pieces of the PostgreSQL read path that need no database (docs/decisions/047). */
describe("numberedPlaceholders", () => {
  it("numbers the builder's placeholders in order, leaving quoted text alone", () => {
    const query = sql`SELECT "a?" FROM t WHERE x = ${1} AND y = '?' AND z IN (${sql`${2}, ${3}`})`;
    expect(numberedPlaceholders(query.text)).toBe(`SELECT "a?" FROM t WHERE x = $1 AND y = '?' AND z IN ($2, $3)`);
  });

  it("is one case of replacing only the placeholders asked for, by their parameter's index (the SQLite reader's kept sets)", () => {
    const query = sql`SELECT '?' FROM ${"table"} WHERE x = ${1} AND y IN (SELECT id FROM ${"other"})`;
    expect(replacePlaceholders(query.text, (index) => (index === 1 ? null : `t${index}`))).toBe(`SELECT '?' FROM t0 WHERE x = ? AND y IN (SELECT id FROM t2)`);
  });
});

describe("toTsQuery", () => {
  it.each([
    ["pesk", "'pesk':*"],
    ["Peskov denies", "'Peskov':* & 'denies':*"],
    ['"shot down"', "('shot' <-> 'down')"],
    ["U.S.", "('U' <-> 'S':*)"],
    ["Москва", "'Москва':*"],
  ])("reads %j as %j", (input, expected) => {
    expect(toTsQuery(input)).toBe(expected);
  });

  it.each(["!", "& | ! <->", "'", ":*", "()", '""', "   "])("finds nothing searchable in %j", (input) => {
    expect(toTsQuery(input)).toBeNull();
  });

  it("turns tsquery syntax in a word into plain lexemes", () => {
    expect(toTsQuery("a&b|c:*!d'e")).toBe("('a' <-> 'b' <-> 'c' <-> 'd' <-> 'e':*)");
  });
});

describe("storedTimestamp", () => {
  it.each([
    ["2024-10-15 09:30:00.123", "2024-10-15T09:30:00.123+00:00"],
    ["2024-10-15 09:30:00.12", "2024-10-15T09:30:00.120+00:00"],
    ["2024-10-15 09:30:00", "2024-10-15T09:30:00.000+00:00"],
  ])("writes PostgreSQL's %s as SQLite holds it", (text, stored) => {
    expect(storedTimestamp(text)).toBe(stored);
  });
});
