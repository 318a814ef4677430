import { describe, expect, it, vi } from "vitest";
import { GET as listClaims } from "@/app/api/claims/route";
import { GET as attributionsCsv } from "@/app/export/attributions.csv/route";
import { GET as claimReview } from "@/app/export/claimreview.jsonld/route";
import { GET as claimsCsv } from "@/app/export/claims.csv/route";
import { GET as claimsJson } from "@/app/export/claims.json/route";
import { openSnapshotReader } from "@/lib/db/reader";
import { parseClaimQuery } from "@/lib/claims/query/claim-query";
import { exportSelection } from "@/lib/export/create-export";
import { claimsCsv as claimsCsvFormat } from "@/lib/export/formats";
import { streamExport } from "@/lib/export/stream-export";
import { loadVocabulary } from "@/lib/vocabulary/queries";
import { BASE_URL, routeParams } from "@/tests/support/route-context";

/*
 * Control characters in a query parameter are a 400 naming it, on the API and every export
 * (issue 11, finding 7: a NUL in q was a 500, and an export sent its headers and then cut
 * the connection). The pages show the same message (tests/e2e/hardening.spec.ts).
 */

const get = (handler: typeof listClaims, path: string) => handler(new Request(`${BASE_URL}${path}`), routeParams({}));

describe("control characters in query parameters", () => {
  it.each([
    ["/api/claims", listClaims],
    ["/export/claims.csv", claimsCsv],
    ["/export/attributions.csv", attributionsCsv],
    ["/export/claims.json", claimsJson],
    ["/export/claimreview.jsonld", claimReview],
  ] as const)("%s?q=%%00a answers 400 naming q", async (path, handler) => {
    for (const search of ["q=%00a", "q=a%0d%0aSet-Cookie:x", "q=%1b[31m"]) {
      const response = await get(handler, `${path}?${search}`);
      expect(response.status, search).toBe(400);
      const body = await response.json();
      expect(body.error).toMatch(/q: must not contain control characters/);
    }
  });

  it("an ordinary search still answers", async () => {
    const response = await get(listClaims, "/api/claims?q=Peskov");
    expect(response.status).toBe(200);
  });
});

describe("an export that fails after its headers", () => {
  it("errors the stream (the server then destroys the connection: no clean end) and logs why", async () => {
    const connection = await openSnapshotReader();
    const vocabulary = await loadVocabulary(connection);
    const parsed = parseClaimQuery(new URLSearchParams(), vocabulary);
    if (!parsed.ok) throw new Error("bad query");
    let loads = 0;
    const failing = {
      ...claimsCsvFormat,
      load: async (db: Parameters<typeof claimsCsvFormat.load>[0], ids: number[]) => {
        if (++loads === 2) throw new Error("disk I/O error");
        return claimsCsvFormat.load(db, ids);
      },
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const stream = streamExport({ connection, ids: exportSelection(parsed.query, vocabulary, failing), format: failing, context: { origin: BASE_URL, organisation: null }, batchSize: 2 });
    const reader = stream.getReader();
    const received: string[] = [];
    const outcome = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "clean end";
        received.push(new TextDecoder().decode(value));
      }
    })().catch((error: Error) => error.message);
    expect(outcome).toBe("disk I/O error");
    expect(received.join("")).toMatch(/^claim_id,/);
    expect(logged.mock.calls.some(([message]) => String(message).includes("Export claims-csv failed after 2 records; the connection is aborted"))).toBe(true);
    logged.mockRestore();
  });
});
