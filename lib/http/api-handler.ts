import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { env } from "@/lib/env";
import { userFromHeaders } from "@/lib/auth/current-user";
import type { CurrentUser, Permission } from "@/lib/auth/roles";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { databaseWriteFailure } from "@/lib/db/storage";
import { jsonError } from "@/lib/http/json";
import { isCrossOriginCookieRequest } from "@/lib/http/same-origin";
import { parseJsonBody } from "@/lib/http/well-formed";

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
      const body = await readJsonBody(request);
      if (!body.ok) return body.response;
      const parsed = options.schema.safeParse(body.value);
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

/**
 * The largest JSON body a write takes: the longest text (a source's 500,000 characters)
 * written entirely as \uXXXX escapes, with room to spare. A bigger body is answered 413
 * before it is read, when it says its length, and after reading otherwise.
 */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;

async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: jsonError(413, `The request body must be at most ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB.`) });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) return tooLarge();
  const parsed = parseJsonBody(text);
  if (parsed.ok) return parsed;
  const { field, message } = parsed.problem;
  const summary = field === "body" && message === "must be JSON" ? "The request body must be JSON." : `Invalid input: ${field}: ${message}`;
  return { ok: false, response: jsonError(400, summary, { fieldErrors: { [field]: [message] } }) };
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
  const writeFailure = databaseWriteFailure(error);
  if (writeFailure) {
    console.warn(`API write failed (${writeFailure.status}):`, (error as Error).message);
    const response = jsonError(writeFailure.status, writeFailure.message);
    if (writeFailure.retryAfterSeconds) response.headers.set("Retry-After", String(writeFailure.retryAfterSeconds));
    return response;
  }
  console.error("API route failed:", error);
  return jsonError(500, "Internal error: the request could not be completed and nothing was changed.");
}
