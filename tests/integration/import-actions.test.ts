import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/http/action";
import type { ImportReport } from "@/lib/import/run-import";
import { attributionsFile, tableCounts, type CsvRow } from "@/tests/support/empty-database";

/*
 * The Server Actions behind /import, called as Next would call them. `headers()` is mocked
 * to carry the request's credentials: none (anonymous) or an API token of a viewer, a
 * fact-checker or an admin, which userFromHeaders accepts like a session.
 */
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

const { checkImportAction, runImportAction } = await import("@/lib/import/actions");
const { prisma } = await import("@/lib/db/prisma");
const { createUserAccount } = await import("@/lib/users/admin");
const { createApiToken } = await import("@/lib/auth/api-tokens");

const IDLE: ActionState = { status: "idle" };
const tokens: Record<"viewer" | "fact_checker" | "admin", string> = { viewer: "", fact_checker: "", admin: "" };

const rows = (claim: string): CsvRow[] => [
  { claim, topic: "diplomacy", status: "unreviewed", actor: "Import Tester", actor_kind: "person", stance: "asserts", source_title: "Action story", source_outlet: "Outlet", quote: "the words" },
];

function upload(file = attributionsFile(rows("A claim uploaded through the form"))): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file.bytes)], file.fileName, { type: "text/csv" }));
  return form;
}

function as(role: keyof typeof tokens | "anonymous") {
  requestHeaders.current = role === "anonymous" ? new Headers() : new Headers({ authorization: `Bearer ${tokens[role]}` });
}

const reportOf = (state: ActionState) => ((state.status === "success" ? state.data : state.status === "error" ? state.current : undefined)?.report ?? null) as ImportReport | null;

beforeAll(async () => {
  for (const role of ["viewer", "fact_checker", "admin"] as const) {
    const user = await createUserAccount(null, { email: `import-${role}@claimtrail.test`, role, password: "a-long-enough-password" });
    tokens[role] = (await createApiToken(user.id, "import test")).token;
  }
});

describe("who may import", () => {
  it.each([
    ["anonymous", 401],
    ["viewer", 403],
  ] as const)("%s: both steps refuse with %i and nothing is written", async (role, status) => {
    as(role);
    const before = await tableCounts(prisma);
    for (const action of [checkImportAction, runImportAction]) {
      const state = await action(IDLE, upload());
      expect(state).toMatchObject({ status: "error", httpStatus: status });
    }
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it.each(["fact_checker", "admin"] as const)("%s: checks, then imports as themselves", async (role) => {
    as(role);
    const claim = `A claim imported by the ${role}`;
    const checked = await checkImportAction(IDLE, upload(attributionsFile(rows(claim))));
    expect(checked.status).toBe("success");
    expect(reportOf(checked)).toMatchObject({ ok: true, committed: false, summary: { claimsToCreate: 1, attributionsToAdd: 1 } });
    expect(await prisma.claim.count({ where: { text: claim } })).toBe(0);

    const imported = await runImportAction(IDLE, upload(attributionsFile(rows(claim))));
    expect(imported).toMatchObject({ status: "success", message: expect.stringMatching(/^Imported attributions\.csv: /) });
    expect(reportOf(imported)).toMatchObject({ ok: true, committed: true });
    expect(await prisma.claim.count({ where: { text: claim } })).toBe(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `import-${role}@claimtrail.test` }, select: { id: true } });
    expect(await prisma.auditLog.count({ where: { action: "import", userId: user.id } })).toBe(1);
  });
});

describe("what the steps answer", () => {
  it("Check lists every problem; Import refuses the same file with 400 and the same problems", async () => {
    as("fact_checker");
    const bad = attributionsFile([...rows("A fine row"), { ...rows("A bad row")[0], stance: "shouts" }, { ...rows("Another bad row")[0], status: "nope" }]);
    const checked = reportOf(await checkImportAction(IDLE, upload(bad)));
    expect(checked?.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "stance"],
      [4, "status"],
    ]);
    const before = await tableCounts(prisma);
    const refused = await runImportAction(IDLE, upload(bad));
    expect(refused).toMatchObject({ status: "error", httpStatus: 400, message: expect.stringMatching(/Nothing was imported/) });
    expect(reportOf(refused)?.problems).toEqual(checked?.problems);
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it("refuses an empty upload with a message, not a failure", async () => {
    as("fact_checker");
    const form = new FormData();
    form.set("file", new File([], "empty.csv", { type: "text/csv" }));
    expect(await checkImportAction(IDLE, form)).toMatchObject({ status: "error", httpStatus: 400, fieldErrors: { file: [expect.stringMatching(/empty/)] } });
    expect(await runImportAction(IDLE, new FormData())).toMatchObject({ status: "error", httpStatus: 400, fieldErrors: { file: [expect.any(String)] } });
  });
});
