import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-static";

/** GET /api/openapi.json: the OpenAPI 3.1 description of the API and the exports (lib/openapi/document.ts). */
export function GET(): Response {
  return Response.json(openApiDocument());
}
