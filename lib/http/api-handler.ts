import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { env } from "@/lib/env";
import { userFromHeaders } from "@/lib/auth/current-user";
import type { CurrentUser, Permission } from "@/lib/auth/roles";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "@/lib/db/busy";
import { jsonError } from "@/lib/http/json";
import { isCrossOriginCookieRequest } from "@/lib/http/same-origin";
import { findIllFormedString } from "@/lib/http/well-formed";
import { WELL_FORMED_MESSAGE } from "@/lib/text/text-schema";

type Context<Params> = { params: Promise<Params> };

type HandlerArgs<Input, Params> = { request: Request; user: CurrentUser; input: Input; params: Params };

/** zod issues as `{ "attributions.0.quote": ["…"] }`, the shape forms and API clients read. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "body";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function describeFieldErrors(fieldErrors: FieldErrors): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
    .join("; ");
}

/**
 * Every write route goes through here, so none can skip a step: refuse cross-site cookie
 * requests, authenticate (Bearer token or session), check the role, parse the body with
 * the route's zod schema, then run. Expected failures become 400/401/403/404/409 with a
 * message; anything else a bare 500. Nothing is written unless the handler succeeds.
 */
export function writeRoute<Schema extends z.ZodType, Params = Record<string, never>>(
  options: { permission: Permission; schema: Schema },
  handler: (args: HandlerArgs<z.output<Schema>, Params>) => Promise<Response>,
) {
  return async (request: Request, context: Context<Params>): Promise<Response> => {
    try {
      if (isCrossOriginCookieRequest(request)) return jsonError(403, "Cross-origin requests are refused.");
      const user = await userFromHeaders(request.headers);
      const access = authorize(user, options.permission);
      if (!access.ok) return jsonError(access.status, access.message);
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return jsonError(400, "The request body must be JSON.", { fieldErrors: { body: ["must be JSON"] } });
      }
      const illFormed = findIllFormedString(body);
      if (illFormed) {
        return jsonError(400, `Invalid input: ${illFormed}: ${WELL_FORMED_MESSAGE}`, { fieldErrors: { [illFormed]: [WELL_FORMED_MESSAGE] } });
      }
      const parsed = options.schema.safeParse(body);
      if (!parsed.success) {
        const fieldErrors = toFieldErrors(parsed.error);
        return jsonError(400, `Invalid input: ${describeFieldErrors(fieldErrors)}`, { fieldErrors });
      }
      return await handler({ request, user: user!, input: parsed.data, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Read routes: open unless READ_ACCESS=login. */
export function readRoute<Params = Record<string, never>>(handler: (args: { request: Request; params: Params }) => Promise<Response> | Response) {
  return async (request: Request, context: Context<Params>): Promise<Response> => {
    try {
      // Public reading needs nobody's identity: skip the session lookup altogether.
      if (env.READ_ACCESS !== "public") {
        const access = authorize(await userFromHeaders(request.headers), "read");
        if (!access.ok) return jsonError(access.status, access.message);
      }
      return await handler({ request, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) return jsonError(error.status, error.message, error.details);
  if (isDatabaseBusy(error)) {
    console.warn("API write gave up waiting for the database lock:", (error as Error).message);
    const response = jsonError(503, BUSY_MESSAGE);
    response.headers.set("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
    return response;
  }
  console.error("API route failed:", error);
  return jsonError(500, "Internal error: the request could not be completed and nothing was changed.");
}
