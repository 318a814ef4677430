import type { IncomingHttpHeaders } from "node:http";

/**
 * The request header that carries the client's address to the app. Only Claimtrail's own
 * server (scripts/serve.ts, through lib/server/front-door.ts) sets it, from the socket, after deleting whatever a client sent
 * under that name; proxy.ts drops it when no such server stamped the request (plain
 * `next start` or `next dev`), so a client can never choose its own address. better-auth's
 * per-client sign-in limit and the per-account one key on it (lib/auth/auth.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-claimtrail-client";

const STAMPED = Symbol.for("claimtrail.client-address-stamped");

/** Whether this process's server stamps every request with the client's address (set once at start). */
export function clientAddressIsStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/**
 * The client's address as the server sees it: the socket's peer, or, when that peer is one
 * of the trusted proxies, the right-most address in X-Forwarded-For that is not a trusted
 * proxy (each proxy appends the address it was reached from; the left part is whatever the
 * client wrote and is never believed).
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, isTrustedProxy: (address: string) => boolean): string {
  const socketPeer = peer ?? "unknown";
  if (!isTrustedProxy(socketPeer) || forwardedFor === undefined) return socketPeer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!isTrustedProxy(hops[index]!)) return hops[index]!;
  }
  // Every hop is a proxy of ours: the request started inside, at the left-most one.
  return hops[0] ?? socketPeer;
}

/**
 * For Claimtrail's own server, on every request before the app sees it: replace whatever
 * the client sent under CLIENT_ADDRESS_HEADER with the address worked out from the socket.
 */
export function stampClientAddress(headers: IncomingHttpHeaders, peer: string | undefined, isTrustedProxy: (address: string) => boolean): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
  headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(peer, headers["x-forwarded-for"], isTrustedProxy);
}
