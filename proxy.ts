import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { conditionalRead } from "@/lib/http/conditional";
import { corsPreflight, corsResponseHeaders, isCorsReadablePath } from "@/lib/http/cors";
import { CLIENT_ADDRESS_HEADER, clientAddressIsStamped } from "@/lib/http/client-address";
import { isCrossOriginCookieRequest } from "@/lib/http/same-origin";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/import/limits";

/**
 * Runs before every request:
 * - answers CORS preflights, and lets other sites' pages read the API and the exports
 *   (never write) as CORS_ORIGINS allows (lib/http/cors.ts);
 * - refuses writes (any method but GET/HEAD/OPTIONS) that ride on the session cookie from
 *   another site, for API routes and Server Actions alike (Next's own action check answers
 *   such requests with a 500; this answers 403 first);
 * - when READ_ACCESS=login, sends anonymous visitors to the sign-in page (pages, their
 *   React Server Component payloads and prefetches) or answers 401 (API, exports and
 *   ClaimReview files). For pages this is the gate: they do not check again, so the
 *   matcher below must keep covering every path but static assets. Routes check again
 *   through readRoute (lib/http/api-handler.ts). tests/e2e/read-gate.spec.ts holds both;
 * - drops a client address header that Claimtrail's own server did not set (plain
 *   `next start` or `next dev`), so a client cannot pick the address its sign-in
 *   attempts are counted under;
 * - answers a read whose If-None-Match still holds 304, before any page or route runs, and
 *   gives the others their ETag and Cache-Control (lib/http/conditional.ts);
 * - sets a Content-Security-Policy with a fresh nonce: only scripts Next marks with it run,
 *   so an injected <script> in a claim or a quote cannot.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The largest Server Action body: an import file plus the multipart framing (next.config.ts allows 21 MB). */
const MAX_ACTION_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
// robots.txt and sitemap.xml answer for themselves what a site that needs sign-in shows crawlers (nothing).
const ALWAYS_OPEN = [/^\/sign-in(\/|$)/, /^\/api\/auth\//, /^\/api\/health(\/ready)?$/, /^\/robots\.txt$/, /^\/sitemap\.xml$/];

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const corsRequest = { method: request.method, pathname: path, headers: request.headers };
  // Before the sign-in check: a preflight never carries credentials.
  const preflight = corsPreflight(corsRequest);
  if (preflight) return preflight;
  const cors = corsResponseHeaders(corsRequest);

  if (!SAFE_METHODS.has(request.method) && isCrossOriginCookieRequest(request)) {
    return NextResponse.json({ error: "Cross-origin requests are refused." }, { status: 403 });
  }
  // Next answers a Server Action body over its bodySizeLimit with a bare 500; say what is wrong.
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) {
    return NextResponse.json({ error: `The upload is too large: a file may be at most ${MAX_IMPORT_LABEL}.` }, { status: 413 });
  }

  if (env.READ_ACCESS === "login" && !ALWAYS_OPEN.some((pattern) => pattern.test(path))) {
    // Loaded only in this mode, so the public default pays nothing for it.
    const { userFromHeaders } = await import("@/lib/auth/current-user");
    if (!(await userFromHeaders(request.headers))) {
      // The API and the files answer 401 (with CORS headers: a notebook on an allowed origin
      // can read why); pages send people to the sign-in page.
      if (isCorsReadablePath(path)) {
        return NextResponse.json({ error: "Sign in (or send an API token) to read claims." }, { status: 401, headers: cors });
      }
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("next", `${path}${request.nextUrl.search}`);
      return NextResponse.redirect(signIn);
    }
  }

  // After the read gate: a client that may not read learns nothing, not even that nothing changed.
  const conditional = await conditionalRead({ method: request.method, pathname: path, search: request.nextUrl.search, headers: request.headers }, roleOf);
  if (conditional?.notModified) return new NextResponse(null, { status: 304, headers: { ...conditional.headers, ...cors } });

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Only Claimtrail's own server may say where a request came from (lib/http/client-address.ts).
  if (!clientAddressIsStamped()) requestHeaders.delete(CLIENT_ADDRESS_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  for (const [name, value] of Object.entries(conditional?.headers ?? {})) response.headers.set(name, value);
  return response;
}

/** The role of whoever a request signs in as (a page's ETag depends on it). */
async function roleOf(headers: Headers): Promise<string | null> {
  const { userFromHeaders } = await import("@/lib/auth/current-user");
  return (await userFromHeaders(headers))?.role ?? null;
}

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Status colours come from the database as style attributes; attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Prefetches included: with READ_ACCESS=login a prefetched page must not leak either.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
