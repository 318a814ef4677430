import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { ReviewContext } from "@/lib/export/claim-review";
import type { ExportConnection } from "@/lib/export/connection";
import { BOM } from "@/lib/export/csv";
import type { ExportFormat } from "@/lib/export/formats";

export const EXPORT_BATCH_SIZE = 500;

export type StreamOptions<R> = {
  /** Owned by the stream from now on: closed when the file is complete, fails or is cancelled. */
  connection: ExportConnection;
  /** `SELECT c.id FROM Claim c … ORDER BY …`: every claim to export, in order. */
  ids: Sql;
  format: ExportFormat<R>;
  context: ReviewContext;
  bom?: boolean;
  batchSize?: number;
};

/**
 * The export as a byte stream that produces one batch only when the reader asks for the
 * next chunk (pull), so at most one batch of records is in memory whatever the number of
 * rows, and a slow client slows the database reads down instead of filling the server's
 * memory. Claim ids come from a cursor over the sorted match query; each batch of ids is
 * hydrated with a few IN-queries on the same connection (reads are allowed while a
 * better-sqlite3 cursor is open; writes are not, and this connection never writes).
 */
export function streamExport<R>(options: StreamOptions<R>): ReadableStream<Uint8Array> {
  const { connection, format, context, batchSize = EXPORT_BATCH_SIZE } = options;
  const encoder = new TextEncoder();
  let cursor: IterableIterator<{ id: number }> | null = null;
  let written = 0;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    cursor?.return?.();
    connection.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        try {
          if (cursor === null) {
            cursor = connection.iterate<{ id: number }>(options.ids);
            controller.enqueue(encoder.encode(`${options.bom && format.csv ? BOM : ""}${format.start()}`));
            return;
          }
          const ids: number[] = [];
          while (ids.length < batchSize) {
            const next = cursor.next();
            if (next.done) break;
            ids.push(next.value.id);
          }
          if (ids.length === 0) {
            const end = format.end();
            if (end) controller.enqueue(encoder.encode(end));
            finish();
            controller.close();
            return;
          }
          const records = format.load(connection, ids);
          const chunk = format.batch(records, written, context);
          written += records.length;
          if (chunk) controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          finish();
          console.error(`Export ${format.name} failed:`, error);
          controller.error(error);
        }
      },
      cancel() {
        // The client went away: stop reading and release the snapshot.
        finish();
      },
    },
    // One chunk ahead at most: backpressure reaches the database cursor.
    { highWaterMark: 1 },
  );
}
