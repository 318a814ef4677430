import "server-only";

/** JSON error body used by every API route: `{ error, ...details }`. */
export function jsonError(status: number, error: string, details: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...details }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
