import { loadClaimRecords } from "@/lib/claims/records";
import { parseId } from "@/lib/http/ids";
import { apiRoute, jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const claimId = parseId(id);
  const [claim] = claimId === null ? [] : loadClaimRecords([claimId]);
  if (!claim) return jsonError(404, `No claim with id ${JSON.stringify(id)}.`);
  return jsonOk(claim);
});
