import type { SqlReader } from "@/lib/db/reader";
import type { Sql } from "@/lib/db/sql";

/**
 * A statement the app ran through a SqlReader, with its parameters: the floor of the same
 * work is these statements run directly on the database (bench/lib/postgres/floor.ts).
 * `text` is as the app's SQL builder wrote it (`?` placeholders, whatever the dialect).
 */
export type ReadStatement = { text: string; params: unknown[]; kept: boolean };

/**
 * A SqlReader that passes every query on to `inner` and records it: the app's functions
 * take a reader (searchClaims, countFacets), so their statements are captured where they
 * are issued, on either database, without touching a driver. A statement read through
 * `allUntilChanged` is marked `kept` (a count over the whole database that the shared
 * reader keeps until the next write): the floor leaves it out, as the app's server reads
 * it once, not per request.
 */
export function capturingReader(inner: SqlReader): { reader: SqlReader; statements: ReadStatement[] } {
  const statements: ReadStatement[] = [];
  const record = (query: Sql, kept: boolean) => statements.push({ text: query.text, params: [...query.params], kept });
  const reader: SqlReader = {
    all: (query) => (record(query, false), inner.all(query)),
    one: (query) => (record(query, false), inner.one(query)),
    allUntilChanged: (query) => (record(query, true), inner.allUntilChanged(query)),
  };
  return { reader, statements };
}
