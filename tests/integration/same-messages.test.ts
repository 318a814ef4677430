import { beforeAll, describe, expect, it } from "vitest";
import { POST as postClaim } from "@/app/api/claims/route";
import { POST as postStatus } from "@/app/api/claims/[id]/status/route";
import { POST as postSource } from "@/app/api/sources/route";
import { prisma } from "@/lib/db/prisma";
import type { ImportColumn } from "@/lib/import/columns";
import { parseRow, type RowVocabulary } from "@/lib/import/parse-row";
import { checkImport } from "@/lib/import/run-import";
import { attributionsFile } from "@/tests/support/empty-database";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * One rule, one message: the same bad value given to the JSON API and to the importer
 * (each CSV cell is checked with the field's schema) is refused with the same words.
 */

type Seed = { sourceId: number; sourceTitle: string; sourceOutlet: string; quote: string; claimId: number; claimVersion: number; topic: string; vocabulary: RowVocabulary };
let seed: Seed;
let token: string;

beforeAll(async () => {
  token = (await createUserWithToken("fact_checker")).token;
  const attribution = await prisma.attribution.findFirstOrThrow({
    where: { quoteStart: { not: null } },
    orderBy: { id: "asc" },
    select: { quote: true, claim: { select: { id: true, version: true, topic: { select: { key: true } } } }, source: { select: { id: true, title: true, outlet: true } } },
  });
  const [topics, statuses] = await Promise.all([prisma.topic.findMany({ select: { key: true } }), prisma.status.findMany({ select: { key: true } })]);
  seed = {
    sourceId: attribution.source.id,
    sourceTitle: attribution.source.title,
    sourceOutlet: attribution.source.outlet,
    quote: attribution.quote,
    claimId: attribution.claim.id,
    claimVersion: attribution.claim.version,
    topic: attribution.claim.topic.key,
    vocabulary: { topicKeys: new Set(topics.map((t) => t.key)), statusKeys: new Set(statuses.map((s) => s.key)), createTopics: false },
  };
});

const request = (body: unknown) =>
  new Request(`${BASE_URL}/api`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

/** A good new claim with one attribution on the seed source, as the API takes it. */
const claimBody = () => ({
  text: "A claim that nobody has made before in this database",
  topic: seed.topic,
  attributions: [{ sourceId: seed.sourceId, actor: "Someone New", stance: "asserts", quote: seed.quote }],
});

/** The same claim as a CSV row. */
const goodCells = (): Partial<Record<ImportColumn, string>> => ({
  claim: "A claim that nobody has made before in this database",
  topic: seed.topic,
  status: "unreviewed",
  actor: "Someone New",
  stance: "asserts",
  source_title: seed.sourceTitle,
  source_outlet: seed.sourceOutlet,
  quote: seed.quote,
});

/** The API's messages for `field` after posting `body` to `route`. */
async function apiMessages<Params extends Record<string, string>>(
  route: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  body: unknown,
  field: string,
  params = {} as Params,
) {
  const response = await route(request(body), routeParams(params));
  const json = (await response.json()) as { fieldErrors?: Record<string, string[]> };
  expect(response.status, JSON.stringify(json)).toBe(400);
  return json.fieldErrors?.[field] ?? [];
}

/** The importer's messages for `column` when the cell holds `value`. */
function importerMessages(column: ImportColumn, value: string) {
  const { problems } = parseRow(2, (name) => ({ ...goodCells(), [column]: value })[name], seed.vocabulary);
  return problems.filter((problem) => problem.column === column).map((problem) => problem.message);
}

const long = (length: number) => "x".repeat(length);
const ILL_FORMED = "half of a pair \ud800 here";

type Case = [what: string, column: ImportColumn, value: string, api: () => Promise<string[]>, message: string | RegExp];

const claimWith = (patch: Record<string, unknown>) => ({ ...claimBody(), ...patch });
const attributionWith = (patch: Record<string, unknown>) => ({ ...claimBody(), attributions: [{ ...claimBody().attributions[0], ...patch }] });
const sourceWith = (patch: Record<string, unknown>) => ({ title: "A story", outlet: "An outlet", text: "Some words of the story.", ...patch });

const CASES: Case[] = [
  ["claim too long", "claim", long(1001), () => apiMessages(postClaim, claimWith({ text: long(1001) }), "text"), "must be at most 1,000 characters"],
  ["claim empty", "claim", "", () => apiMessages(postClaim, claimWith({ text: "" }), "text"), "is required"],
  ["claim short once trimmed", "claim", "  ab  ", () => apiMessages(postClaim, claimWith({ text: "  ab  " }), "text"), "must be at least 3 characters"],
  ["claim ill-formed", "claim", ILL_FORMED, () => apiMessages(postClaim, claimWith({ text: ILL_FORMED }), "text"), "must be valid Unicode text"],
  ["actor too long", "actor", long(201), () => apiMessages(postClaim, attributionWith({ actor: long(201) }), "attributions.0.actor"), "must be at most 200 characters"],
  ["actor blank", "actor", "   ", () => apiMessages(postClaim, attributionWith({ actor: "   " }), "attributions.0.actor"), "is required"],
  ["actor ill-formed", "actor", ILL_FORMED, () => apiMessages(postClaim, attributionWith({ actor: ILL_FORMED }), "attributions.0.actor"), "must be valid Unicode text"],
  ["role too long", "actor_role", long(201), () => apiMessages(postClaim, attributionWith({ actorRole: long(201) }), "attributions.0.actorRole"), "must be at most 200 characters"],
  ["verb too long", "verb", long(101), () => apiMessages(postClaim, attributionWith({ verb: long(101) }), "attributions.0.verb"), "must be at most 100 characters"],
  ["too many intermediaries", "via", Array.from({ length: 11 }, (_, i) => `Relay ${i}`).join(" > "), () => apiMessages(postClaim, attributionWith({ via: Array.from({ length: 11 }, (_, i) => `Relay ${i}`) }), "attributions.0.via"), "can have at most 10 intermediaries"],
  ["quote too long", "quote", long(5001), () => apiMessages(postClaim, attributionWith({ quote: long(5001) }), "attributions.0.quote"), "must be at most 5,000 characters"],
  ["quote only spaces", "quote", "   ", () => apiMessages(postClaim, attributionWith({ quote: "   " }), "attributions.0.quote"), "is required"],
  ["unknown stance", "stance", "yells", () => apiMessages(postClaim, attributionWith({ stance: "yells" }), "attributions.0.stance"), 'must be one of asserts, denies, reports, declines_to_clarify (got "yells")'],
  ["unknown actor kind", "actor_kind", "alien", () => apiMessages(postClaim, attributionWith({ actorKind: "alien" }), "attributions.0.actorKind"), /^must be one of person, .* \(got "alien"\)$/],
  ["unknown sourcing", "sourcing", "anonymous", () => apiMessages(postClaim, attributionWith({ sourcing: "anonymous" }), "attributions.0.sourcing"), 'must be one of named, unnamed, reportedly (got "anonymous")'],
  ["unknown topic", "topic", "weather", () => apiMessages(postClaim, claimWith({ topic: "weather" }), "topic"), /^unknown topic "weather"; known: /],
  [
    "unknown status",
    "status",
    "pants_on_fire",
    () => apiMessages(postStatus, { status: "pants_on_fire", rationale: "because", version: seed.claimVersion }, "status", { id: String(seed.claimId) }),
    /^unknown status "pants_on_fire"; known: /,
  ],
  ["title too long", "source_title", long(501), () => apiMessages(postSource, sourceWith({ title: long(501) }), "title"), "must be at most 500 characters"],
  ["outlet empty", "source_outlet", "", () => apiMessages(postSource, sourceWith({ outlet: "" }), "outlet"), "is required"],
  ["address not http", "source_url", "ftp://files.test/story", () => apiMessages(postSource, sourceWith({ url: "ftp://files.test/story" }), "url"), "must be an http(s) address"],
  ["date ill-formed", "source_published", "15/10/2024", () => apiMessages(postSource, sourceWith({ publishedAt: "15/10/2024" }), "publishedAt"), /^must be a date/],
];

describe("the API and the importer refuse the same value with the same message", () => {
  it.each(CASES)("%s", async (_what, column, value, api, message) => {
    const fromApi = await api();
    const fromImporter = importerMessages(column, value);
    expect(fromApi).toEqual([typeof message === "string" ? message : expect.stringMatching(message)]);
    expect(fromImporter).toEqual(fromApi);
  });

  it("stores untrimmed text the same way: trimmed claims and names, the quote exactly", async () => {
    const spaced = "   A claim typed with spaces around it   ";
    const response = await postClaim(request(claimWith({ text: spaced, attributions: [{ ...claimBody().attributions[0], actor: "  Someone   Spaced  " }] })), routeParams({}));
    expect(response.status).toBe(201);
    const stored = await prisma.claim.findFirstOrThrow({ where: { text: spaced.trim() }, select: { attributions: { select: { actor: { select: { name: true } }, quote: true } } } });
    const { row } = parseRow(2, (name) => ({ ...goodCells(), claim: spaced, actor: "  Someone   Spaced  " })[name], seed.vocabulary);
    expect(row!.claim).toBe(spaced.trim());
    expect(row!.actor).toBe(stored.attributions[0]!.actor.name);
    expect(row!.quote).toBe(stored.attributions[0]!.quote);
  });

  it("the whole importer reports a cell's message at its line and column", async () => {
    const report = await checkImport(prisma, attributionsFile([{ ...goodCells(), claim: long(1001) }]));
    expect(report.problems).toEqual([{ row: 2, column: "claim", message: "must be at most 1,000 characters" }]);
  });
});
