import { env, type Env } from "@/lib/env";
import { NOTICE_HEADER } from "@/lib/export/claim-review";

/*
 * Cross-origin reading (CORS) for browser notebooks and other sites' pages: the JSON API's
 * reads and the export files only, GET and HEAD only, never with credentials. proxy.ts
 * calls these for every request; nothing else sets Access-Control-* headers.
 * docs/decisions/041-cors-for-reads-only.md says why it is shaped this way.
 */

export type CorsPolicy = { allow: "any" } | { allow: "listed"; origins: ReadonlySet<string> } | { allow: "none" };

/**
 * CORS_ORIGINS as it applies under READ_ACCESS: unset means `*` for a public site and
 * nobody for a site that needs sign-in; a list means exactly those origins, either way.
 * (`*` with READ_ACCESS=login is refused at start by lib/env.ts.)
 */
export function corsPolicy(values: Pick<Env, "READ_ACCESS" | "CORS_ORIGINS"> = env): CorsPolicy {
  const setting = values.CORS_ORIGINS;
  if (setting === undefined) return values.READ_ACCESS === "public" ? { allow: "any" } : { allow: "none" };
  if (setting === "*") return { allow: "any" };
  if (setting === "none") return { allow: "none" };
  return { allow: "listed", origins: new Set(setting) };
}

const READ_METHODS = new Set(["GET", "HEAD"]);
/** A ClaimReview file of one claim is an export too, though it lives beside the claim's page. */
const CLAIM_REVIEW_FILE = /^\/claims\/[^/]+\/claimreview\.jsonld$/;

/** The paths another site's page may read: the API's reads (not sign-in and sessions) and the export files. */
export function isCorsReadablePath(pathname: string): boolean {
  if (pathname.startsWith("/api/auth/") || pathname === "/api/auth") return false;
  return pathname.startsWith("/api/") || pathname.startsWith("/export/") || CLAIM_REVIEW_FILE.test(pathname);
}

/** Headers a cross-origin reader may see besides the safelisted ones: the file name, when to retry after a 503, what a file's reader must know, the validator to ask again with. */
const EXPOSED_HEADERS = `Content-Disposition, Retry-After, ${NOTICE_HEADER}, ETag`;
/** A notebook reading a site that needs sign-in sends its API token; one that keeps what it read asks again with If-None-Match. */
const ALLOWED_REQUEST_HEADERS = "Authorization, Content-Type, If-None-Match";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

type CorsRequest = { method: string; pathname: string; headers: Headers };

/** The value of Access-Control-Allow-Origin for this origin, or null when it may not read. */
function allowedOrigin(policy: CorsPolicy, origin: string | null): string | null {
  if (policy.allow === "any") return "*";
  if (policy.allow === "listed" && origin !== null && policy.origins.has(origin)) return origin;
  return null;
}

/** An answer varies by Origin whenever the allowed origin is echoed rather than `*`, so caches keep them apart. */
function varyHeaders(policy: CorsPolicy): Record<string, string> {
  return policy.allow === "listed" ? { Vary: "Origin" } : {};
}

/**
 * Headers to add to the answer of an actual (non-preflight) request: Access-Control-Allow-Origin
 * for a read of a readable path by an allowed origin, nothing for anything else. Writes
 * (POST, PATCH, DELETE, Server Actions) never get any.
 */
export function corsResponseHeaders(request: CorsRequest, policy: CorsPolicy = corsPolicy()): Record<string, string> {
  if (!READ_METHODS.has(request.method) || !isCorsReadablePath(request.pathname)) return {};
  const allowOrigin = allowedOrigin(policy, request.headers.get("origin"));
  if (allowOrigin === null) return varyHeaders(policy);
  return { ...varyHeaders(policy), "Access-Control-Allow-Origin": allowOrigin, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
}

/**
 * The answer to a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method),
 * or null for any other request. A preflight for a read (GET or HEAD) of a readable path
 * by an allowed origin gets 204 with the Access-Control-* headers; every other preflight,
 * a write's above all, gets 403 without them, so the browser never sends the request.
 */
export function corsPreflight(request: CorsRequest, policy: CorsPolicy = corsPolicy()): Response | null {
  const requestedMethod = request.headers.get("access-control-request-method");
  if (request.method !== "OPTIONS" || !request.headers.get("origin") || !requestedMethod) return null;
  const allowOrigin = allowedOrigin(policy, request.headers.get("origin"));
  if (allowOrigin === null || !READ_METHODS.has(requestedMethod.toUpperCase()) || !isCorsReadablePath(request.pathname)) {
    return new Response("Cross-origin requests may only read (GET) the API and the exports, from the origins this site allows.\n", {
      status: 403,
      headers: { ...varyHeaders(policy), "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...varyHeaders(policy),
      "Access-Control-Allow-Origin": allowOrigin,
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": ALLOWED_REQUEST_HEADERS,
      "Access-Control-Max-Age": PREFLIGHT_MAX_AGE_SECONDS,
    },
  });
}
