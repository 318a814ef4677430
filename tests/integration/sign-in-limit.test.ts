import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { SIGN_IN_BACKOFF_FIRST_MS } from "@/lib/auth/sign-in-limit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Sign-in goes through better-auth's HTTP handler, as the browser's does, so every limit
 * applies: better-auth's per-client rule and Claimtrail's per account (5 a minute here).
 * The client's address arrives in the header Claimtrail's server stamps from the socket;
 * the server's side of it (a rotating X-Forwarded-For changes nothing) is tested in
 * tests/integration/client-address-server.test.ts.
 */
const signIn = async (email: string, password: string, client: string) => {
  const started = performance.now();
  const response = await auth.handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: client },
      body: JSON.stringify({ email, password }),
    }),
  );
  return { status: response.status, ms: performance.now() - started, response };
};

let email: string;
beforeAll(async () => {
  email = (await createUserWithToken("viewer")).email;
});

describe("sign-in rate limiting", () => {
  it("answers 401 for a wrong password, then 429 once an address has tried too often", async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 7; attempt++) statuses.push((await signIn(`someone-${attempt}@x.test`, "wrong-password", "10.0.0.1")).status);
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("slows guesses against one account from many addresses, and never locks its owner out", async () => {
    const attempts = [];
    for (let attempt = 0; attempt < 7; attempt++) attempts.push(await signIn(email, "wrong-password", `10.1.0.${attempt}`));
    // Every guess is answered (401), but past the fifth each waits longer: half a second, then a second.
    expect(attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(attempts[5]!.ms).toBeGreaterThanOrEqual(SIGN_IN_BACKOFF_FIRST_MS - 20);
    expect(attempts[6]!.ms).toBeGreaterThanOrEqual(2 * SIGN_IN_BACKOFF_FIRST_MS - 20);
    // The owner, from an address that was not guessing, gets in after the wait.
    const owner = await signIn(email, "a-long-test-password", "10.2.0.1");
    expect(owner.status).toBe(200);
    expect(owner.ms).toBeGreaterThanOrEqual(4 * SIGN_IN_BACKOFF_FIRST_MS - 20);
  });

  it("refuses an address that keeps guessing one account, even with the right password, until the minute is over", async () => {
    const user = await createUserWithToken("viewer");
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await signIn(user.email, "wrong-password", "10.4.0.1")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn(user.email, "a-long-test-password", "10.4.0.1")).status).toBe(429);
  });

  it("lets a correct password through when under the limit", async () => {
    const user = await createUserWithToken("viewer");
    const { status, response } = await signIn(user.email, "a-long-test-password", "10.3.0.1");
    expect(status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/session_token/);
  });
});
