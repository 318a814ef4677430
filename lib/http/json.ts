import "server-only";

/** JSON error body used by every API route: `{ error, ...details }`. */
export function jsonError(status: number, error: string, details: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...details }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** 308 Permanent Redirect to a path of this site (a merged claim's API address); the method and body are kept. */
export function permanentRedirect(path: string): Response {
  return new Response(null, { status: 308, headers: { Location: path, "Cache-Control": "no-store" } });
}
