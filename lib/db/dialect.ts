import { databaseKindOf, env, type DatabaseKind } from "@/lib/env";
import { raw, sql, type Sql } from "@/lib/db/sql";

/**
 * Which SQL the hand-written queries speak: SQLite (the embedded default) or PostgreSQL,
 * chosen once from DATABASE_URL. The queries are written in the SQL both understand
 * (quoted identifiers, standard functions); the few places where the two differ go
 * through the helpers below, so a difference is written once.
 */
export type Dialect = DatabaseKind;

export const dialectOf = databaseKindOf;

export const dialect: Dialect = databaseKindOf(env.DATABASE_URL);

/**
 * Text sorted by its characters' code points, the same on both databases: SQLite's
 * default (BINARY) collation compares UTF-8 bytes, which is what PostgreSQL's "C"
 * collation does, whatever locale the PostgreSQL cluster was created with.
 */
export function byCodePoint(expression: Sql): Sql {
  return dialect === "postgresql" ? sql`${expression} COLLATE "C"` : expression;
}

/** Case-insensitive order (what SQLite's NOCASE did), identical on both databases for ASCII letters. */
export function caseless(expression: Sql): Sql {
  return byCodePoint(sql`lower(${expression})`);
}

/** The values of `expression` in a group joined by `separator`, in no promised order. */
export function joinedGroup(expression: Sql, separator: string): Sql {
  return dialect === "postgresql" ? sql`string_agg(${expression}, ${separator})` : sql`group_concat(${expression}, ${separator})`;
}

/**
 * `expression` as SQLite's planner may not use an index for, nor hand to a virtual table as
 * a constraint (a unary plus, a no-op on any value there): where it would pick an index for
 * the order it gives rather than for the rows it reads, or run FTS5's MATCH once per id of
 * a list. PostgreSQL plans the expression as it is.
 */
export function withoutIndex(expression: Sql): Sql {
  return dialect === "sqlite" ? sql`+${expression}` : expression;
}

/** A condition that is never true, for a search with nothing searchable in it. */
export const NEVER = raw("1 = 0");
