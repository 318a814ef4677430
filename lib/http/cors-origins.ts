/**
 * The CORS_ORIGINS setting: `*` (any page may read), `none` (no page of another site
 * may), or a list of origins separated by commas or spaces. Kept apart from lib/env.ts so
 * that the parsing can be tested on its own; lib/env.ts calls it once at start.
 */
export type CorsOriginsSetting = "*" | "none" | readonly string[];

export type CorsOriginsParse = { ok: true; setting: CorsOriginsSetting | undefined } | { ok: false; message: string };

export function parseCorsOrigins(value: string | undefined): CorsOriginsParse {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { ok: true, setting: undefined };
  if (entries.length === 1 && (entries[0] === "*" || entries[0]!.toLowerCase() === "none")) {
    return { ok: true, setting: entries[0] === "*" ? "*" : "none" };
  }
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = exactOrigin(entry);
    if (origin === null) {
      return {
        ok: false,
        message: `CORS_ORIGINS: "${entry}" is not an origin. Give *, none, or origins such as https://notebook.example.org (scheme, host and port; no path), separated by commas`,
      };
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, setting: origins };
}

/** `https://Example.org:443/` → `https://example.org`; null for anything that is not just an http(s) origin. */
function exactOrigin(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || !["", "/"].includes(url.pathname)) return null;
  // "https://example.org/x" has a path; "https://example.org" and "https://example.org/" do not.
  if (!/^https?:\/\/[^/]+\/?$/i.test(entry)) return null;
  return url.origin;
}
