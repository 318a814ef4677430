import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as claimReviewRoute } from "@/app/export/claimreview.jsonld/route";
import { GET as oneClaimReviewRoute } from "@/app/claims/[id]/claimreview.jsonld/route";
import { setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";
import { createArticle } from "@/tests/support/article-factory";
import { BASE_URL, routeParams } from "@/tests/support/route-context";

// Before lib/env is imported: the public address and the organisation ClaimReview names.
vi.hoisted(() => {
  Object.assign(process.env, { PUBLIC_URL: "https://claims.example.org", ORGANISATION_NAME: "Example Fact Check", ORGANISATION_URL: "https://factcheck.example.org" });
});

/*
 * The ClaimReview this app really exports, checked against Google's schema.org typings
 * (schema-dts): the files are produced here, from a database holding every default final
 * verdict, named, unnamed and person claimants and hostile text, then written verbatim into
 * a TypeScript module that assigns them to schema-dts types, and that module is compiled.
 * A fresh object literal gets TypeScript's excess-property check, so a misspelt property,
 * a wrong @type or a value of the wrong shape anywhere in the output fails to compile.
 * Deliberately broken copies of the same output must fail, which shows the check bites.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
// Inside the repository so that "schema-dts" resolves from its node_modules; .tmp is outside the project's own type-check.
const WORK_DIR = path.join(ROOT, ".tmp", `claim-review-schema-${process.pid}-${Date.now()}`);

const HOSTILE = {
  claim: 'A "quoted" claim with </script><script>alert(1)</script> and a back\\slash\u2028and a line separator',
  outlet: "Outlet with \"quotes\" & <angle> brackets",
};

let collection: { "@context": string; "@graph": Record<string, unknown>[] };
const singles: Record<string, unknown>[] = [];

async function ok(response: Response) {
  expect(response.status, response.url).toBe(200);
  return response.json();
}

beforeAll(async () => {
  await createArticle({
    title: "Hostile headline </script>",
    outlet: HOSTILE.outlet,
    url: "https://news.test/hostile?x=1&y=2",
    publishedAt: "2024-11-01T10:00:00.000Z",
    statements: [
      { claim: HOSTILE.claim, topic: "schema-check", actor: "Anonymous officials", stance: "asserts", sourcing: "unnamed" },
      { claim: HOSTILE.claim, topic: "schema-check", actor: "Named Minister", stance: "asserts" },
      { claim: HOSTILE.claim, topic: "schema-check", actor: "Named Critic", stance: "denies" },
      { claim: "Only unnamed sources say this.", topic: "schema-check", actor: "Sources close to the front", stance: "asserts", sourcing: "unnamed" },
    ],
  });
  // Every final verdict of the default vocabulary on some claim, the hostile one included.
  const user = { id: "schema-checker", email: "schema-checker@claimtrail.test", name: "Schema Checker", role: "fact_checker" as const };
  await prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role } });
  const claims = await prisma.claim.findMany({ select: { id: true, version: true }, orderBy: { id: "desc" } });
  const finals = DEFAULT_STATUSES.filter((status) => status.isFinal);
  for (const [index, status] of finals.entries()) {
    const claim = claims[index]!;
    await setClaimStatus(user, claim.id, { status: status.key, rationale: `Rated ${status.label} because "reasons" </script>.`, evidence: [], version: claim.version });
  }

  collection = await ok(await claimReviewRoute(new Request(`${BASE_URL}/export/claimreview.jsonld`), routeParams({})));
  for (const review of collection["@graph"]) {
    const id = String(review.url).split("/").pop()!;
    singles.push(await ok(await oneClaimReviewRoute(new Request(`${BASE_URL}/claims/${id}/claimreview.jsonld`), routeParams({ id }))));
  }
  mkdirSync(WORK_DIR, { recursive: true });
});

afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

/** A module that assigns `collection` and `singles` (exactly as given) to schema-dts types. */
function typedModule(collectionJson: string, singlesJson: string): string {
  return [
    'import type { ClaimReview, WithContext } from "schema-dts";',
    "// Written by tests/integration/claim-review-schema.test.ts from the files the app just exported.",
    `export const collection: { "@context": "https://schema.org"; "@graph": ClaimReview[] } = ${collectionJson};`,
    `export const singles: WithContext<ClaimReview>[] = ${singlesJson};`,
    "",
  ].join("\n");
}

/** Compile the given modules together; the diagnostics of each, as text. */
function compile(files: Record<string, string>): Record<string, string[]> {
  const paths = Object.fromEntries(Object.keys(files).map((name) => [name, path.join(WORK_DIR, `${name}.ts`)]));
  for (const [name, text] of Object.entries(files)) writeFileSync(paths[name]!, text);
  const program = ts.createProgram(Object.values(paths), {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: true,
  });
  const byFile: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = Object.keys(paths).find((key) => diagnostic.file?.fileName === paths[key]);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (name) byFile[name]!.push(message);
    else byFile.__global = [...(byFile.__global ?? []), message];
  }
  return byFile;
}

describe("exported ClaimReview against schema-dts", () => {
  it("covers every final verdict, with and without a claimant, and hostile text", () => {
    const graph = collection["@graph"];
    expect(graph.length).toBeGreaterThanOrEqual(DEFAULT_STATUSES.filter((status) => status.isFinal).length);
    const labels = new Set(graph.map((review) => (review.reviewRating as { alternateName: string }).alternateName));
    expect([...labels].sort()).toEqual(DEFAULT_STATUSES.filter((status) => status.isFinal).map((status) => status.label).sort());
    expect(graph.some((review) => "author" in (review.itemReviewed as object))).toBe(true);
    expect(graph.some((review) => !("author" in (review.itemReviewed as object)))).toBe(true);
    const hostile = graph.find((review) => review.claimReviewed === HOSTILE.claim);
    // The unnamed officials assert first; the named minister is the claimant.
    expect(hostile?.itemReviewed).toMatchObject({ author: { "@type": "Person", name: "Named Minister" } });
  });

  it("each claim's own file is its entry in the export file, with the @context", () => {
    expect(singles).toEqual(collection["@graph"].map((review) => ({ "@context": "https://schema.org", ...review })));
  });

  it("type-checks as WithContext<ClaimReview>, and broken copies of it do not", () => {
    const collectionJson = JSON.stringify(collection, null, 2);
    const singlesJson = JSON.stringify(singles, null, 2);
    const broken = (mutate: (review: Record<string, unknown>) => void) => {
      const copy = structuredClone(singles);
      mutate(copy[0]!);
      return typedModule(collectionJson, JSON.stringify(copy));
    };
    const diagnostics = compile({
      exported: typedModule(collectionJson, singlesJson),
      misspeltProperty: broken((review) => {
        review.claimReviewd = review.claimReviewed;
      }),
      wrongType: broken((review) => {
        review["@type"] = "ClaimReveiw";
      }),
      ratingAsObject: broken((review) => {
        (review.reviewRating as Record<string, unknown>).ratingValue = { value: 1 };
      }),
      dateAsNumber: broken((review) => {
        review.datePublished = 20241015;
      }),
      nestedMisspelt: broken((review) => {
        const appearance = (review.itemReviewed as { appearance: Record<string, unknown>[] }).appearance[0]!;
        appearance.headlne = appearance.headline;
      }),
    });
    expect(diagnostics.__global ?? []).toEqual([]);
    expect(diagnostics.exported).toEqual([]);
    const expectedComplaints = { misspeltProperty: /claimReviewd/, wrongType: /ClaimReveiw/, ratingAsObject: /ratingValue/, dateAsNumber: /datePublished/, nestedMisspelt: /headlne/ };
    for (const [name, complaint] of Object.entries(expectedComplaints)) {
      expect(diagnostics[name]!.join("\n"), name).toMatch(complaint);
    }
  }, 120_000);

  it("links to the configured public address and names the configured organisation", () => {
    for (const review of singles) {
      expect(String(review.url)).toMatch(/^https:\/\/claims\.example\.org\/claims\/\d+$/);
      expect(review.author).toEqual({ "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example.org" });
      expect(review.publisher).toEqual(review.author);
      const rating = review.reviewRating as { ratingValue?: number; bestRating: number; worstRating: number; alternateName: string; name: string };
      expect(rating.name).toBe(rating.alternateName);
      if (rating.ratingValue !== undefined) {
        expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
        expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
      }
    }
  });
});
