import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readChangeCounter } from "@/lib/db/change-counter";
import { env, type Env } from "@/lib/env";

/*
 * Conditional requests (docs/decisions/051). A read's ETag is made of what its answer
 * depends on: the database's change counter (lib/db/change-counter.ts, moved on by
 * triggers in every writing transaction, the same in every process), the path and query
 * string, the reader's role where it changes the answer (pages show editing controls), and
 * the build (a new release may answer differently). proxy.ts asks here before any route
 * or page runs: a matching If-None-Match is answered 304 with no body after one
 * single-row read, and any other answer carries the ETag and its Cache-Control.
 *
 * The ETags are weak (W/"…"): a page carries a fresh CSP nonce per request, so two answers
 * with one ETag are equivalent, not byte for byte the same.
 */

/** The API's reads and the export files: the same answer for everyone who may read. */
const FILES = [
  /^\/api\/claims$/,
  /^\/api\/claims\/deleted$/,
  /^\/api\/claims\/[^/]+$/,
  /^\/api\/sources$/,
  /^\/api\/sources\/[^/]+$/,
  /^\/api\/actors\/[^/]+$/,
  /^\/export\/[^/]+\.(csv|json|ndjson|jsonld)$/,
  /^\/claims\/[^/]+\/claimreview\.jsonld$/,
];
/** Pages: they show editing controls to people signed in, so the role is part of their ETag. */
const PAGES = [/^\/claims$/, /^\/claims\/\d+$/, /^\/sources$/, /^\/sources\/\d+$/];

/** better-auth's session cookie, with or without the __Secure- prefix it uses on https. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

export type ConditionalRequest = { method: string; pathname: string; search: string; headers: Headers };

export type ConditionalAnswer = {
  /** True when the client's copy is current: answer 304 with `headers` and no body. */
  notModified: boolean;
  /** ETag (when there is one) and Cache-Control for the answer, 304 or not. */
  headers: Record<string, string>;
};

/** Which kind of conditional read a request is, or null when it is none (writes, other paths, RSC payloads). */
export function conditionalKind(request: Pick<ConditionalRequest, "method" | "pathname" | "headers">): "file" | "page" | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (FILES.some((pattern) => pattern.test(request.pathname))) return "file";
  if (!PAGES.some((pattern) => pattern.test(request.pathname))) return null;
  // Only a browser's page load (Accept: text/html). The client router fetches the same URL
  // for its React Server Component payload, another body, and Next hides its RSC headers
  // from proxy.ts, so an ETag here could not tell the two apart.
  return (request.headers.get("accept") ?? "").includes("text/html") ? "page" : null;
}

/**
 * The conditional answer for a read, or null when the request is not one. Under
 * READ_ACCESS=login nothing is cacheable: `private, no-store` and no ETag, so no copy of
 * anything that needs sign-in is kept anywhere. `roleOf` is asked only for a page requested
 * with a session cookie or a token.
 */
export async function conditionalRead(
  request: ConditionalRequest,
  roleOf: (headers: Headers) => Promise<string | null>,
  settings: Pick<Env, "READ_ACCESS" | "PUBLIC_CACHE_SECONDS"> = env,
): Promise<ConditionalAnswer | null> {
  const kind = conditionalKind(request);
  if (!kind) return null;
  if (settings.READ_ACCESS === "login") return { notModified: false, headers: { "Cache-Control": "private, no-store" } };

  // Public reading: the API and the files answer everyone alike (readRoute looks nobody up),
  // so a shared cache may keep them briefly. A page answers a signed-in person with their
  // controls: private, and their role is part of its ETag.
  const credentialed = request.headers.has("authorization") || SESSION_COOKIE.test(request.headers.get("cookie") ?? "");
  const role = kind === "page" && credentialed ? ((await roleOf(request.headers)) ?? "anonymous") : "anonymous";
  const counter = await readChangeCounter().catch((error: unknown) => {
    // A database without the counter (not migrated yet, or a port that lacks it): serve
    // every read in full rather than fail it; say so once.
    if (!warnedNoCounter) console.warn("Conditional requests are off: the change counter cannot be read:", error instanceof Error ? error.message : error);
    warnedNoCounter = true;
    return null;
  });
  if (!counter) return null;
  const etag = `W/"${createHash("sha256")
    .update([buildId(), counter.value, counter.changedAt, request.pathname, request.search, role].join("\n"))
    .digest("base64url")
    .slice(0, 27)}"`;
  const cacheControl =
    kind === "file"
      ? `public, max-age=${settings.PUBLIC_CACHE_SECONDS}`
      : credentialed
        ? "private, no-store"
        : // Anonymous pages: any cache may keep them but must ask again (a 304 is cheap), and
          // one kept for an anonymous reader is never shown to someone who signs in.
          "public, no-cache";
  // No Vary: Cookie (Next sets a page's Vary itself): a cached anonymous page revalidated for
  // someone signed in does not match, as their role is in the ETag.
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": cacheControl };
  return { notModified: matches(request.headers.get("if-none-match"), etag), headers };
}

/** If-None-Match uses the weak comparison: W/ prefixes are ignored, `*` matches any. */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

let warnedNoCounter = false;
let cachedBuildId: string | undefined;

/** The production build's id (a new release may answer differently); "development" under next dev. */
export function buildId(): string {
  if (cachedBuildId === undefined) {
    try {
      const distDir = process.env.NEXT_DIST_DIR ?? ".next";
      cachedBuildId = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), distDir, "BUILD_ID"), "utf8").trim();
    } catch {
      cachedBuildId = "development";
    }
  }
  return cachedBuildId;
}
