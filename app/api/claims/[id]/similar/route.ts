import { similarAnswer } from "@/lib/claims/similar/answer";
import { queryObject, similarToClaimQuerySchema } from "@/lib/claims/similar/query";
import { loadClaimRecords } from "@/lib/claims/records";
import { describeFieldErrors, readRoute, toFieldErrors } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** GET /api/claims/[id]/similar?limit=…: other claims ranked by likeness to this claim's text. */
export const GET = readRoute<Params>(async ({ request, params }) => {
  const claimId = parseId(params.id);
  const [claim] = claimId === null ? [] : await loadClaimRecords([claimId]);
  if (!claim) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  const parsed = similarToClaimQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    return jsonError(400, `Invalid query: ${describeFieldErrors(fieldErrors)}`, { fieldErrors });
  }
  return jsonOk(await similarAnswer(claim.text, parsed.data.limit, claim.id));
});
