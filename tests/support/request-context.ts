import { vi } from "vitest";

/**
 * Server Actions read the caller from `headers()`. Tests set the headers of the "current
 * request" here; a Bearer token in them authenticates exactly as it would over HTTP.
 * Import this module before the actions (vi.mock is hoisted within it).
 */
let current = new Headers();

vi.mock("next/headers", () => ({
  headers: async () => current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

export function setRequestHeaders(headers: HeadersInit): void {
  current = new Headers(headers);
}

export function bearer(token: string | null): Headers {
  return new Headers(token ? { authorization: `Bearer ${token}` } : {});
}
