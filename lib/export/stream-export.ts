import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { DatabaseKind } from "@/lib/env";
import type { ReviewContext } from "@/lib/export/claim-review";
import type { SnapshotReader } from "@/lib/db/reader";
import { BOM } from "@/lib/export/csv";
import type { ExportFormat } from "@/lib/export/formats";

/**
 * Claims per batch, by database (decision 067; docs/performance.md, "Export at 100k").
 * SQLite: 250, not 500. At 100k claims in a cluster worker (scripts/serve.ts), 500-claim
 * batches (~6 MB of rows, records and text each) moved part of every batch into V8's old
 * generation. It grew by 100–230 MB between full collections, and the collections slowed
 * the export. With 250 it happened less often, and the export was no slower. The workers'
 * larger young generation (lib/server/worker-flags.ts) is what stopped it. 100 per batch is
 * slower, since each batch runs the same few statements.
 * PostgreSQL: 500. Each statement is a round trip there, and 250 made its export 30% slower.
 */
export const EXPORT_BATCH_SIZE: Record<DatabaseKind, number> = { sqlite: 250, postgresql: 500 };

export type StreamOptions<R> = {
  /** Owned by the stream from now on: closed when the file is complete, fails or is cancelled. */
  connection: SnapshotReader;
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
  const { connection, format, context, batchSize = EXPORT_BATCH_SIZE[connection.kind] } = options;
  const encoder = new TextEncoder();
  let batches: AsyncIterableIterator<{ id: number }[]> | null = null;
  let written = 0;
  let finished = false;

  const finish = async () => {
    if (finished) return;
    finished = true;
    await batches?.return?.();
    await connection.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (batches === null) {
            batches = connection.batches<{ id: number }>(options.ids, batchSize);
            controller.enqueue(encoder.encode(`${options.bom && format.csv ? BOM : ""}${format.start()}`));
            return;
          }
          const next = await batches.next();
          if (next.done) {
            const end = format.end();
            if (end) controller.enqueue(encoder.encode(end));
            await finish();
            controller.close();
            return;
          }
          const records = await format.load(connection, next.value.map((row) => row.id));
          const chunk = format.batch(records, written, context);
          written += records.length;
          if (chunk) controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          await finish().catch(() => undefined);
          // The headers (200) and part of the file are out: erroring the stream makes the
          // server destroy the connection, which curl and browsers report as an incomplete
          // download. Closing it instead would hand the client a truncated file as complete.
          console.error(`Export ${format.name} failed after ${written} records; the connection is aborted:`, error);
          controller.error(error);
        }
      },
      async cancel() {
        // The client went away: stop reading and release the snapshot.
        await finish();
      },
    },
    // One chunk ahead at most: backpressure reaches the database cursor.
    { highWaterMark: 1 },
  );
}
