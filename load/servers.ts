/**
 * How the load test spreads its clients over several servers on one database
 * (`--servers N`, load/run.ts): the reader connections split as evenly as they go, and
 * each writer moving from server to server, so that a status change is read on one
 * server and written on another and races writers of every server.
 */

/** `total` split into `parts` counts that differ by at most one, the larger first. */
export function splitAcross(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * The servers (indexes) of a writer's `step`-th request pair: the first request (a note,
 * or the read of the claim's version before a status change) on `read`, the status change
 * on `write`, the next server round. Writers start on different servers, so that at any
 * moment every server takes writes. With one server both are 0.
 */
export function writerRoute(writer: number, step: number, servers: number): { read: number; write: number } {
  const read = (writer + step) % servers;
  return { read, write: (read + 1) % servers };
}

/** The counts of autocannon's results that the load test sums over servers. */
export type ReadCounts = {
  "1xx": number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
};

/** One stage's reads as if one autocannon had run them all. */
export function combineReadCounts(results: readonly ReadCounts[]): ReadCounts {
  const total: ReadCounts = { "1xx": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, errors: 0, timeouts: 0, statusCodeStats: {} };
  for (const result of results) {
    for (const key of ["1xx", "2xx", "3xx", "4xx", "5xx", "errors", "timeouts"] as const) total[key] += result[key];
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
      total.statusCodeStats[status] = { count: (total.statusCodeStats[status]?.count ?? 0) + count };
    }
  }
  return total;
}
