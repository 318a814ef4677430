import { z } from "zod";
import { describeProblems, parseClaimQuery } from "@/lib/claims/query/claim-query";
import { createClaim } from "@/lib/claims/mutations";
import { loadClaimRecords } from "@/lib/claims/records";
import { claimInputSchema } from "@/lib/claims/schemas";
import { searchClaims } from "@/lib/claims/search/claim-page";
import { readRoute, writeRoute } from "@/lib/http/api-handler";
import { jsonError, jsonOk } from "@/lib/http/json";
import { loadVocabulary } from "@/lib/vocabulary/queries";

export const dynamic = "force-dynamic";

/** `facets=false`: the rows alone, for a client that fetches the counts from /api/claims/facets. */
const facetsParameter = z.enum(["true", "false"], { error: "must be true or false" }).default("true");

/** GET /api/claims: the claim list, with the same parameters as the /claims page. */
export const GET = readRoute(async ({ request }) => {
  const vocabulary = await loadVocabulary();
  const params = new URL(request.url).searchParams;
  const parsed = parseClaimQuery(params, vocabulary);
  const facets = facetsParameter.safeParse(params.get("facets") ?? undefined);
  const problems = [...(parsed.ok ? [] : parsed.problems), ...(facets.success ? [] : [{ parameter: "facets", message: "must be true or false" }])];
  if (!parsed.ok || !facets.success) return jsonError(400, `Invalid query: ${describeProblems(problems)}`, { problems });
  return jsonOk(await searchClaims(parsed.query, vocabulary, { facets: facets.data === "true" }));
});

/** POST /api/claims: a new claim with its first attributions. */
export const POST = writeRoute({ permission: "edit", schema: claimInputSchema }, async ({ user, input }) => {
  const claim = await createClaim(user, input);
  return jsonOk((await loadClaimRecords([claim.id]))[0], 201);
});
