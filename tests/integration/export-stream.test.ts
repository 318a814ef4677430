import type { ClaimCsvRecord } from "@/lib/export/claim-rows";
import { describe, expect, it } from "vitest";
import { openSnapshotReader, type SnapshotReader } from "@/lib/db/reader";
import { exportSelection } from "@/lib/export/create-export";
import { claimsCsv, type ExportFormat } from "@/lib/export/formats";
import { streamExport } from "@/lib/export/stream-export";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { parseClaimQuery } from "@/lib/claims/query/claim-query";
import { prisma } from "@/lib/db/prisma";

/*
 * The stream produces a batch only when the reader asks for more: a slow or stopped reader
 * never makes the server load the rest of the table, and a cancelled download releases its
 * database connection.
 */

const context = { origin: "http://claimtrail.test", organisation: { name: "Test" } };

async function instrumented() {
  const connection = await openSnapshotReader();
  let closed = false;
  const tracked: SnapshotReader = { ...connection, close: () => ((closed = true), connection.close()) };
  const loads: number[] = [];
  const format: ExportFormat<ClaimCsvRecord> = {
    ...claimsCsv,
    load: (db, ids) => {
      loads.push(ids.length);
      return claimsCsv.load(db, ids);
    },
  };
  const vocabulary = await loadVocabulary(connection);
  const parsed = parseClaimQuery(new URLSearchParams("sort=claim"), vocabulary);
  if (!parsed.ok) throw new Error("bad query");
  const stream = streamExport({ connection: tracked, ids: exportSelection(parsed.query, vocabulary, format), format, context, batchSize: 2 });
  return { stream, loads, isClosed: () => closed };
}

describe("streaming exports", () => {
  it("loads one batch per chunk the reader asks for, not the whole table up front", async () => {
    const { stream, loads, isClosed } = await instrumented();
    const reader = stream.getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toMatch(/^claim_id,claim,/);
    await reader.read();
    await reader.read();
    // Two batches asked for, at most one more prepared ahead (highWaterMark 1).
    expect(loads.length).toBeGreaterThanOrEqual(2);
    expect(loads.length).toBeLessThanOrEqual(3);
    expect(loads.every((n) => n <= 2)).toBe(true);
    await reader.cancel();
    expect(isClosed()).toBe(true);
  });

  it("reads every claim in batches and closes its connection at the end", async () => {
    const { stream, loads, isClosed } = await instrumented();
    const text = await new Response(stream).text();
    const claims = await prisma.claim.count();
    expect(text.trimEnd().split("\r\n").filter((line) => /^\d+,/.test(line)).length).toBeLessThanOrEqual(claims);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(claims);
    expect(loads.length).toBe(Math.ceil(claims / 2));
    expect(isClosed()).toBe(true);
  });
});
