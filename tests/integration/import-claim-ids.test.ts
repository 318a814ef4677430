import { describe, expect, it } from "vitest";
import { POST as postClaim } from "@/app/api/claims/route";
import { prisma } from "@/lib/db/prisma";
import { CLAIM_ID_MARGIN } from "@/lib/import/limits";
import { checkImport, runImport } from "@/lib/import/run-import";
import { createSource } from "@/lib/sources/mutations";
import { attributionsFile, type CsvRow } from "@/tests/support/empty-database";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * A claim_id in a file never moves the id counter out of range (issue 11, finding 2): one
 * row with claim_id 2^53 − 1 used to be imported, after which every new claim failed.
 */

const QUOTE = "the ids stay small";

const row = (claimId: string, text: string): CsvRow => ({
  claim_id: claimId,
  claim: text,
  topic: "missile-transfers",
  status: "unreviewed",
  actor: "Id Tester",
  stance: "asserts",
  source_title: "Id story",
  source_outlet: "Tests",
  quote: QUOTE,
});

async function highestClaimId(): Promise<number> {
  return (await prisma.claim.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

async function createClaimThroughApi(): Promise<Response> {
  const { id, email, token } = await createUserWithToken("fact_checker");
  const text = `Somebody said ${QUOTE}.`;
  const source = await createSource({ id, email, name: email, role: "fact_checker" }, { title: `Id source ${Date.now()}`, outlet: "Tests", author: undefined, text });
  const body = {
    text: `A claim made after the import ${Date.now()}`,
    topic: "missile-transfers",
    attributions: [{ sourceId: source.id, actor: "Id Tester", stance: "asserts", quote: QUOTE, quoteStart: text.indexOf(QUOTE), quoteEnd: text.indexOf(QUOTE) + QUOTE.length }],
  };
  const request = new Request(`${BASE_URL}/api/claims`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return postClaim(request, routeParams({}));
}

describe("claim ids from an import", () => {
  it("refuse 2^53 − 1 (and anything past the highest id plus the margin) with the reason, in Check and Import alike", async () => {
    const highest = await highestClaimId();
    for (const claimId of [String(Number.MAX_SAFE_INTEGER), String(highest + CLAIM_ID_MARGIN + 1)]) {
      const file = attributionsFile([row(claimId, `Far away ${claimId}`)]);
      for (const report of [await checkImport(prisma, file), await runImport(prisma, file, { userId: null })]) {
        expect(report.ok).toBe(false);
        expect(report.problems).toEqual([
          { row: 2, column: "claim_id", message: expect.stringMatching(new RegExp(`at most ${highest + CLAIM_ID_MARGIN}.*leave claim_id empty`)) },
        ]);
      }
    }
    expect(await highestClaimId()).toBe(highest);
    const created = await createClaimThroughApi();
    expect(created.status).toBe(201);
  });

  it("keep an id within the margin, and new claims are numbered after it", async () => {
    const allowed = (await highestClaimId()) + CLAIM_ID_MARGIN;
    const report = await runImport(prisma, attributionsFile([row(String(allowed), "Numbered by the file")]), { userId: null });
    expect(report.problems).toEqual([]);
    expect(report.committed).toBe(true);
    expect(await prisma.claim.findUnique({ where: { id: allowed }, select: { text: true } })).toEqual({ text: "Numbered by the file" });

    const created = await createClaimThroughApi();
    expect(created.status).toBe(201);
    expect((await created.json()).id).toBeGreaterThan(allowed);
    const withoutIds = await runImport(prisma, attributionsFile([row("", "Numbered by the database")]), { userId: null });
    expect(withoutIds.committed).toBe(true);
  });
});
