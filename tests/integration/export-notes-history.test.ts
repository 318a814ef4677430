import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as claimsJsonRoute } from "@/app/export/claims.json/route";
import { GET as historyCsvRoute } from "@/app/export/history.csv/route";
import { GET as notesCsvRoute } from "@/app/export/notes.csv/route";
import { GET as claimsCsvRoute } from "@/app/export/claims.csv/route";
import { addAnnotation, deleteAnnotation, editAnnotation } from "@/lib/annotations/mutations";
import type { CurrentUser } from "@/lib/auth/roles";
import { setAttributionAccuracy, setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { HISTORY_COLUMNS, NOTE_COLUMNS } from "@/lib/export/columns";
import { claimIdByText, createArticle } from "@/tests/support/article-factory";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * notes.csv, history.csv and claims.json's include: what fact-checkers wrote and decided,
 * out of the database as it was written, for the same filters as the claim list.
 */

const TOPIC = "export-discussion";
const CLAIM = "=The convoy crossed at dawn, officials said";
const OTHER = "Наблюдатели насчитали 40 грузовиков";
const routes = { "notes.csv": notesCsvRoute, "history.csv": historyCsvRoute, "claims.json": claimsJsonRoute, "claims.csv": claimsCsvRoute } as const;
const exportFile = (name: keyof typeof routes, query = "") => routes[name](new Request(`${BASE_URL}/export/${name}${query ? `?${query}` : ""}`), routeParams({}));
const csvRecords = async (response: Response) => parse(await response.text()) as string[][];
const column = (records: string[][], name: string) => records.slice(1).map((record) => record[records[0]!.indexOf(name)]);

let checker: CurrentUser;
let claimId: number;
let otherId: number;
let ids: { first: number; reply: number; deleted: number; onAttribution: number };

beforeAll(async () => {
  await createArticle({
    title: "Convoy at the border",
    statements: [
      { claim: CLAIM, topic: TOPIC, actor: "Border officials", stance: "asserts" },
      { claim: OTHER, topic: TOPIC, actor: "Наблюдатели", stance: "asserts" },
    ],
  });
  claimId = await claimIdByText(CLAIM);
  otherId = await claimIdByText(OTHER);
  const account = await createUserWithToken("fact_checker");
  checker = { id: account.id, email: account.email, name: "Dana \"Desk\" Ortiz", role: "fact_checker" };
  await prisma.user.update({ where: { id: account.id }, data: { name: checker.name } });

  const attribution = await prisma.attribution.findFirstOrThrow({ where: { claimId }, select: { id: true } });
  const first = await addAnnotation(checker, claimId, { body: "Checked the **satellite** images,\nsee thread", attributionId: undefined, parentId: undefined });
  const reply = await addAnnotation(checker, claimId, { body: "@desk: images are from 2023", attributionId: undefined, parentId: first.id });
  await editAnnotation(checker, reply.id, { body: "+ images are from 2023, not 2024", version: 1 });
  const deleted = await addAnnotation(checker, claimId, { body: "A secret aside that was withdrawn", attributionId: undefined, parentId: undefined });
  await deleteAnnotation(checker, deleted.id);
  const onAttribution = await addAnnotation(checker, claimId, { body: "Officials named in the wire copy", attributionId: attribution.id, parentId: undefined });
  ids = { first: first.id, reply: reply.id, deleted: deleted.id, onAttribution: onAttribution.id };

  await setClaimStatus(checker, claimId, { status: "false", rationale: "Images predate the claim", evidence: ["https://evidence.test/a", "https://evidence.test/b?x=1"], version: 1 });
  await setAttributionAccuracy(checker, attribution.id, { accuracy: "confirmed_by_primary_source", rationale: "Statement on the ministry site", version: 1 });
});

describe("notes.csv", () => {
  it("has one row per note, threads and tombstones included, with display names and never e-mails", async () => {
    const response = await exportFile("notes.csv", `topic=${TOPIC}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="claimtrail-notes-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await response.text();
    expect(text).not.toContain("@tests.claimtrail");
    expect(text).not.toContain("A secret aside");
    const records = parse(text) as string[][];
    expect(records[0]).toEqual([...NOTE_COLUMNS]);
    expect(column(records, "note_id")).toEqual([ids.first, ids.reply, ids.deleted, ids.onAttribution].map(String));
    const byId = new Map(records.slice(1).map((record) => [record[0], Object.fromEntries(NOTE_COLUMNS.map((name, i) => [name, record[i]]))]));
    expect(byId.get(String(ids.first))).toMatchObject({ claim_id: String(claimId), claim: `'${CLAIM}`, parent_note_id: "", attribution_id: "", author: checker.name, edited_at: "", deleted_at: "", body: "Checked the **satellite** images,\nsee thread" });
    // Formula neutralising applies to note text as to every cell.
    expect(byId.get(String(ids.reply))).toMatchObject({ parent_note_id: String(ids.first), body: "'+ images are from 2023, not 2024" });
    expect(byId.get(String(ids.reply))!.edited_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(byId.get(String(ids.deleted))).toMatchObject({ body: "", edited_at: "" });
    expect(byId.get(String(ids.deleted))!.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(byId.get(String(ids.onAttribution))!.attribution_id).not.toBe("");
  });

  it("follows the claim list's filters: a claim with no notes adds no rows, a search that misses gives the header only", async () => {
    const records = await csvRecords(await exportFile("notes.csv", `topic=${TOPIC}&q=${encodeURIComponent("грузовиков")}`));
    expect(records).toEqual([[...NOTE_COLUMNS]]);
    expect(otherId).toBeGreaterThan(0);
  });
});

describe("history.csv", () => {
  it("lists the verdict and the accuracy change with rationale, evidence, who and when", async () => {
    const response = await exportFile("history.csv", `topic=${TOPIC}`);
    expect(response.status).toBe(200);
    const records = await csvRecords(response);
    expect(records[0]).toEqual([...HISTORY_COLUMNS]);
    const rows = records.slice(1).map((record) => Object.fromEntries(HISTORY_COLUMNS.map((name, i) => [name, record[i]])));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ claim_id: String(claimId), change: "verdict", from: "unreviewed", to: "false", rationale: "Images predate the claim", evidence: "https://evidence.test/a; https://evidence.test/b?x=1", changed_by: checker.name, attribution_id: "" });
    expect(rows[1]).toMatchObject({ change: "accuracy", from: "unchecked", to: "confirmed_by_primary_source", rationale: "Statement on the ministry site", evidence: "" });
    expect(rows[1]!.attribution_id).not.toBe("");
    expect(String(rows[0]!.changed_at) <= String(rows[1]!.changed_at)).toBe(true);
  });
});

describe("claims.json include", () => {
  it("adds notes and history to each claim only when asked", async () => {
    const plain = (await (await exportFile("claims.json", `topic=${TOPIC}`)).json()) as Record<string, unknown>[];
    expect(plain.every((record) => !("notes" in record) && !("history" in record))).toBe(true);

    const full = (await (await exportFile("claims.json", `topic=${TOPIC}&include=notes,history`)).json()) as { id: number; notes: { id: number; body: string; author: string; deletedAt: string | null }[]; history: { kind: string; evidence: string[] }[] }[];
    const claim = full.find((record) => record.id === claimId)!;
    expect(claim.notes.map((note) => note.id)).toEqual([ids.first, ids.reply, ids.deleted, ids.onAttribution]);
    // JSON is exact: no formula neutralising.
    expect(claim.notes[1]!.body).toBe("+ images are from 2023, not 2024");
    expect(claim.notes[2]).toMatchObject({ body: "", author: checker.name });
    expect(claim.history.map((change) => change.kind)).toEqual(["verdict", "accuracy"]);
    expect(claim.history[0]!.evidence).toEqual(["https://evidence.test/a", "https://evidence.test/b?x=1"]);
    const other = full.find((record) => record.id === otherId)!;
    expect(other).toMatchObject({ notes: [], history: [] });

    const notesOnly = (await (await exportFile("claims.json", `topic=${TOPIC}&include=notes&include=notes`)).json()) as Record<string, unknown>[];
    expect(notesOnly.every((record) => "notes" in record && !("history" in record))).toBe(true);
  });

  it.each([
    ["claims.json", "include=notes,votes", "votes"],
    ["claims.csv", "include=notes", "claims.csv"],
    ["notes.csv", "include=history", "notes.csv"],
  ] as const)("%s?%s is a 400 naming include", async (name, query, words) => {
    const response = await exportFile(name, query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.problems.map((problem: { parameter: string }) => problem.parameter)).toEqual(["include"]);
    expect(body.error).toContain(words);
  });
});
