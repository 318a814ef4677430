import { similarAnswer } from "@/lib/claims/similar/answer";
import { queryObject, similarQuerySchema } from "@/lib/claims/similar/query";
import { describeFieldErrors, readRoute, toFieldErrors } from "@/lib/http/api-handler";
import { jsonError, jsonOk } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** GET /api/claims/similar?text=…&limit=…: existing claims ranked by likeness to the text, every topic. */
export const GET = readRoute(async ({ request }) => {
  const parsed = similarQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    return jsonError(400, `Invalid query: ${describeFieldErrors(fieldErrors)}`, { fieldErrors });
  }
  return jsonOk(await similarAnswer(parsed.data.text, parsed.data.limit));
});
