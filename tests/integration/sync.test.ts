import { beforeAll, describe, expect, it } from "vitest";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { GET as deletedClaimsRoute } from "@/app/api/claims/deleted/route";
import { GET as claimsNdjsonRoute } from "@/app/export/claims.ndjson/route";
import { updateActor } from "@/lib/actors/corrections";
import type { CurrentUser } from "@/lib/auth/roles";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { setAttributionAccuracy, updateClaim } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { claimIdByText, createArticle } from "@/tests/support/article-factory";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Incremental sync as a client does it (docs/export.md, "Keeping a copy in sync"): pull
 * everything in the order claims changed, change the server, pull only what changed since
 * (and the deletions), and end with exactly the server's state.
 */

type ClaimRecord = { id: number; updatedAt: string; text: string; version: number };
type Cursor = { updatedSince: string; afterId: number } | null;

const get = async (route: typeof listClaimsRoute, path: string, params: Record<string, string>) => {
  const response = await route(new Request(`${BASE_URL}${path}?${new URLSearchParams(params)}`), routeParams({}));
  return { status: response.status, body: await response.json() };
};

/** The client: pages of `pageSize` in the order of change, each resuming after the last claim received. */
async function pull(copy: Map<number, ClaimRecord>, cursor: Cursor, pageSize = 4): Promise<Cursor> {
  let next = cursor;
  for (;;) {
    const params: Record<string, string> = { sort: "updated", pageSize: String(pageSize) };
    if (next) Object.assign(params, { updated_since: next.updatedSince, after_id: String(next.afterId) });
    const { status, body } = await get(listClaimsRoute, "/api/claims", params);
    expect(status).toBe(200);
    const items = body.items as ClaimRecord[];
    for (const item of items) copy.set(item.id, item);
    if (items.length > 0) next = { updatedSince: items.at(-1)!.updatedAt, afterId: items.at(-1)!.id };
    if (items.length < pageSize) return next;
  }
}

async function pullDeleted(copy: Map<number, ClaimRecord>, since: string | null): Promise<void> {
  const { status, body } = await get(deletedClaimsRoute, "/api/claims/deleted", since ? { updated_since: since } : {});
  expect(status).toBe(200);
  for (const item of body.items as { id: number }[]) copy.delete(item.id);
}

async function serverState(): Promise<Map<number, ClaimRecord>> {
  const state = new Map<number, ClaimRecord>();
  await pull(state, null, 200);
  return state;
}

let admin: CurrentUser;

beforeAll(async () => {
  const account = await createUserWithToken("admin");
  admin = { id: account.id, email: account.email, name: "Sync admin", role: "admin" };
  await createArticle({
    title: "Sync article",
    statements: [
      { claim: "Sync claim to edit", topic: "sync", actor: "Sync Speaker", stance: "asserts" },
      { claim: "Sync claim to delete", topic: "sync", actor: "Sync Speaker", stance: "asserts" },
      { claim: "Sync claim whose actor is renamed", topic: "sync", actor: "Sync Renamed", stance: "denies" },
      { claim: "Sync claim whose attribution is checked", topic: "sync", actor: "Sync Checked", stance: "asserts" },
    ],
  });
});

describe("incremental sync", () => {
  it("pulls only what changed, sees deletions, and ends with exactly the server's state", async () => {
    const copy = new Map<number, ClaimRecord>();
    const cursor = await pull(copy, null);
    const pulledAt = new Date().toISOString();
    expect(copy.size).toBeGreaterThan(20);
    expect(copy).toEqual(await serverState());

    // Timestamps have millisecond precision: make every change land after the first pull.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await claimIdByText("Sync claim to edit");
    await updateClaim(admin, edited, { text: "Sync claim, edited", topic: "sync", version: 1 });
    const deleted = await claimIdByText("Sync claim to delete");
    await deleteClaim(admin, deleted, { reason: "A duplicate", version: 1 });
    const [created] = [await createArticle({ title: "Sync new", statements: [{ claim: "Sync claim that is new", topic: "sync", actor: "Sync Speaker", stance: "reports" }] })];
    expect(created).toBeGreaterThan(0);
    // Changes to what a claim's record shows, not to the claim row itself, count too.
    const renamedActor = await prisma.actor.findFirstOrThrow({ where: { name: "Sync Renamed" } });
    await updateActor(admin, renamedActor.id, { name: "Sync Renamed Again", kind: "person", role: null, aliases: [], version: renamedActor.version });
    const checked = await prisma.attribution.findFirstOrThrow({ where: { claim: { text: "Sync claim whose attribution is checked" } } });
    await setAttributionAccuracy(admin, checked.id, { accuracy: "disputed", rationale: "No primary source", version: checked.version });

    const changed = new Map<number, ClaimRecord>();
    await pull(changed, cursor);
    const changedTexts = [...changed.values()].map((record) => record.text).sort();
    expect(changedTexts).toEqual(["Sync claim that is new", "Sync claim whose actor is renamed", "Sync claim whose attribution is checked", "Sync claim, edited"]);

    for (const [id, record] of changed) copy.set(id, record);
    await pullDeleted(copy, pulledAt);
    expect(copy.has(deleted)).toBe(false);
    expect(copy).toEqual(await serverState());
  });

  it("resumes exactly after the last claim even when many claims changed in the same millisecond", async () => {
    const stamp = "2001-02-03T04:05:06.789+00:00";
    const ids = (await prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 9 })).map((claim) => claim.id);
    await prisma.claim.updateMany({ where: { id: { in: ids } }, data: { updatedAt: new Date(stamp) } });
    const seen: number[] = [];
    let cursor: Cursor = null;
    for (let page = 0; page < 6; page++) {
      const resume: Record<string, string> = cursor ? { updated_since: cursor.updatedSince, after_id: String(cursor.afterId) } : { updated_since: "2001-02-03T04:05:06.789Z" };
      const { status, body } = await get(listClaimsRoute, "/api/claims", { sort: "updated", pageSize: "2", ...resume });
      expect(status).toBe(200);
      const items = (body.items as ClaimRecord[]).filter((item) => item.updatedAt.startsWith("2001"));
      seen.push(...items.map((item) => item.id));
      if (items.length < 2) break;
      cursor = { updatedSince: items.at(-1)!.updatedAt, afterId: items.at(-1)!.id };
    }
    expect(seen).toEqual(ids);
  });

  it("streams the same changed claims as claims.ndjson, one record per line", async () => {
    const since = "2000-01-01T00:00:00Z";
    const response = await claimsNdjsonRoute(new Request(`${BASE_URL}/export/claims.ndjson?sort=updated&updated_since=${since}&include=notes`), routeParams({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await response.text()).split("\n");
    expect(lines.at(-1)).toBe("");
    const records = lines.slice(0, -1).map((line) => JSON.parse(line) as ClaimRecord & { notes: unknown[] });
    const api = await serverState();
    expect(records.map((record) => record.id).sort((a, b) => a - b)).toEqual([...api.keys()].sort((a, b) => a - b));
    expect(records.every((record) => Array.isArray(record.notes))).toBe(true);
    const updated = records.map((record) => record.updatedAt);
    expect(updated).toEqual([...updated].sort());
  });

  it.each([
    [{ updated_since: "yesterday" }, "updated_since"],
    [{ updated_since: "2024-10-15T09:30:00" }, "updated_since"],
    [{ after_id: "3" }, "after_id"],
    [{ updated_since: "2024-10-15T09:30:00Z", after_id: "3" }, "after_id"],
    [{ updated_since: "2024-10-15T09:30:00Z", after_id: "3", sort: "-updated" }, "after_id"],
  ])("refuses %o with a 400 naming %s", async (params, parameter) => {
    const { status, body } = await get(listClaimsRoute, "/api/claims", params);
    expect(status).toBe(400);
    expect(body.problems.map((problem: { parameter: string }) => problem.parameter)).toContain(parameter);
    const deleted = await get(deletedClaimsRoute, "/api/claims/deleted", { updated_since: "soon" });
    expect(deleted.status).toBe(400);
  });
});
