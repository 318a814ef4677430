import { writeRoute } from "@/lib/http/api-handler";
import { jsonOk } from "@/lib/http/json";
import { createSource } from "@/lib/sources/mutations";
import { sourceInputSchema } from "@/lib/sources/schemas";

export const dynamic = "force-dynamic";

/** POST /api/sources: store an article's text so claims can quote it. */
export const POST = writeRoute({ permission: "edit", schema: sourceInputSchema }, async ({ user, input }) => {
  const source = await createSource(user, input);
  return jsonOk(source, 201);
});
