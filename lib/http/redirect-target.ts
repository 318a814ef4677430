/**
 * Where a sign-in (or any other redirect taken from a request) may send the browser: a
 * path on this site, nothing else. The value is parsed as a URL relative to a placeholder
 * origin with the WHATWG URL parser, the one browsers use, so every trick a browser would
 * turn into another host (`//evil.example`, `/\evil.example`, `/<TAB>/evil.example`,
 * `https:evil.example`) resolves to another origin and is refused. Control characters and
 * backslashes are refused outright rather than repaired: no real link has them, and a
 * redirect must never carry one into a header (`/%0d%0aSet-Cookie:…`). The result is the
 * parser's own serialisation (percent-encoded), never the raw input.
 */
import { hasControlCharacter } from "@/lib/text/control-characters";

const PLACEHOLDER_ORIGIN = "http://claimtrail.invalid";

export const REDIRECT_FALLBACK = "/";

export function sameSitePath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || hasControlCharacter(value) || value.includes("\\")) return REDIRECT_FALLBACK;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return REDIRECT_FALLBACK;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return REDIRECT_FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
