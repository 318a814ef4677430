import { expect, test } from "@playwright/test";
import type { Server } from "@/tools/harness/server";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { copyMainDatabase, startSecondServer, stopServer } from "./support/servers";

/*
 * The sign-in limit on the real server (scripts/serve.ts), at its default of five a
 * minute: the client's address is the socket's, so neither a rotating X-Forwarded-For nor
 * a forged client-address header buys a client more attempts. With TRUSTED_PROXIES naming
 * the proxy, X-Forwarded-For is believed from it (the right-most untrusted hop).
 * The rules themselves are tested in tests/integration/sign-in-limit.test.ts.
 */
let server: Server;
let proxied: Server;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Databases of their own: the main server's sign-ins, from this same address, would count against these limits.
  const [direct, behindProxy] = await Promise.all([copyMainDatabase("sign-in-direct"), copyMainDatabase("sign-in-proxied")]);
  [server, proxied] = await Promise.all([
    startSecondServer({ AUTH_SIGN_IN_MAX_ATTEMPTS: "5" }, direct),
    startSecondServer({ AUTH_SIGN_IN_MAX_ATTEMPTS: "5", TRUSTED_PROXIES: "127.0.0.1,::1" }, behindProxy),
  ]);
});

test.afterAll(async () => {
  await Promise.all([stopServer(server), stopServer(proxied)]);
});

async function attempts(base: string, headers: (attempt: number) => Record<string, string>, count = 7): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    const response = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, ...headers(attempt) },
      body: JSON.stringify({ email: `nobody-${attempt}-${Date.now()}@example.test`, password: "wrong-password-here" }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

test("a rotating X-Forwarded-For or a forged client header does not reset the per-client limit", async () => {
  const statuses = await attempts(server.url, (attempt) => ({ "x-forwarded-for": `198.51.100.${attempt}`, [CLIENT_ADDRESS_HEADER]: `203.0.113.${attempt}` }));
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429]);
});

test("behind a trusted proxy, each forwarded client has a limit of its own", async () => {
  const first = await attempts(proxied.url, () => ({ "x-forwarded-for": "198.51.100.20" }));
  expect(first.slice(5)).toEqual([429, 429]);
  // Another client behind the same proxy is not held back by the first one's attempts.
  expect(await attempts(proxied.url, () => ({ "x-forwarded-for": "198.51.100.21" }), 1)).toEqual([401]);
});
