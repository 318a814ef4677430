import { loadClaimRecords } from "@/lib/claims/records";
import { deleteClaim, findClaimTombstone } from "@/lib/claims/delete-claim";
import { updateClaim } from "@/lib/claims/mutations";
import { findMergeTarget } from "@/lib/claims/merge-claim";
import { claimDeleteSchema, claimEditSchema } from "@/lib/claims/schemas";
import { readRoute, writeRoute } from "@/lib/http/api-handler";
import { parseId } from "@/lib/http/ids";
import { jsonError, jsonOk, permanentRedirect } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = readRoute<Params>(async ({ params }) => {
  const claimId = parseId(params.id);
  const [claim] = claimId === null ? [] : await loadClaimRecords([claimId]);
  if (claim) return jsonOk(claim);
  // A merged claim lives on in the claim it was merged into: a permanent redirect there.
  const mergedInto = claimId === null ? null : await findMergeTarget(claimId);
  if (mergedInto !== null) return permanentRedirect(`/api/claims/${mergedInto}`);
  // A deleted claim answers 410 Gone with its tombstone: who deleted it, when and why.
  const tombstone = claimId === null ? null : await findClaimTombstone(claimId);
  if (tombstone) return jsonError(410, `Claim ${claimId} was deleted.`, { tombstone });
  return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
});

/** PATCH /api/claims/[id]: edit the wording or topic; `version` guards against lost edits. */
export const PATCH = writeRoute<typeof claimEditSchema, Params>({ permission: "edit", schema: claimEditSchema }, async ({ user, input, params }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  await updateClaim(user, claimId, input);
  return jsonOk((await loadClaimRecords([claimId]))[0]);
});

/** DELETE /api/claims/[id] with `{ reason, version }` (admins): the claim is replaced by a tombstone. */
export const DELETE = writeRoute<typeof claimDeleteSchema, Params>({ permission: "admin", schema: claimDeleteSchema }, async ({ user, input, params }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, `No claim with id ${JSON.stringify(params.id)}.`);
  return jsonOk(await deleteClaim(user, claimId, input));
});
