/**
 * True for a request that relies on the session cookie and comes from another site. Such
 * a request could be a cross-site request forgery; Bearer-token requests carry their own
 * credential and are not affected. Browsers send Origin on every cross-origin POST.
 */
export function isCrossOriginCookieRequest(request: Request): boolean {
  if (request.headers.get("authorization")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "cross-site";
  if (origin === "null") return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
