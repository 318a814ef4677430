import "server-only";

/** JSON error body used by every API route: `{ error, ...details }`. */
export function jsonError(status: number, error: string, details: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...details }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Run a route handler so that an unexpected failure becomes a JSON 500 with no internals
 * in it (the full error goes to the server log), never an HTML page or a stack trace.
 */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response> | Response) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error("API route failed:", error);
      return jsonError(500, "Internal error: the request could not be completed and nothing was changed.");
    }
  };
}
