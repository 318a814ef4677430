import { z } from "zod";

/**
 * The archive format (docs/archive.md): gzipped JSON Lines. Line 1 is the header, then one
 * line per row ({ "table", "row" }), then a trailer with the number of rows per table, so
 * a file cut short is told from a complete one. Values are the database's own (timestamps
 * as stored text, booleans as 0/1), so a load gives back exactly the rows that were read.
 */
export const ARCHIVE_FORMAT = "claimtrail-archive";
/** Raised when a reader of the previous version could no longer load what is written. */
export const ARCHIVE_VERSION = 1;

const cellSchema = z.union([z.string(), z.number(), z.null()]);

export const headerSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  /** The schema the rows fit: the migrations applied to the database that was archived, in order. */
  migrations: z.array(z.string()),
  /** Whether login accounts (password hashes, API tokens) are included; without them, people are kept by display name. */
  withAccounts: z.boolean(),
  /** Each table's columns, in the order its rows were written. */
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
});
export type ArchiveHeader = z.infer<typeof headerSchema>;

export const rowLineSchema = z.object({ table: z.string(), row: z.record(z.string(), cellSchema) });
export type ArchiveRow = z.infer<typeof rowLineSchema>;

export const trailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  /** The id counters of tables that never reuse an id (SQLite's sqlite_sequence), so deleted ids stay retired. */
  sequences: z.record(z.string(), z.number().int().nonnegative()),
});
export type ArchiveTrailer = z.infer<typeof trailerSchema>;

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}
