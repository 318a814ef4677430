import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Sign-in goes through better-auth's HTTP handler, as the browser's does, so both limits
 * apply: better-auth's per-client rule and Claimtrail's per-account one (5 a minute).
 */
const signIn = (email: string, password: string, forwardedFor: string) =>
  auth.handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email, password }),
    }),
  );

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

  it("limits guesses against one account even when they come from many addresses", async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 7; attempt++) statuses.push((await signIn(email, "wrong-password", `10.1.0.${attempt}`)).status);
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits out the window: the guesser cannot tell it from a wrong one.
    expect((await signIn(email, "a-long-test-password", "10.2.0.1")).status).toBe(429);
  });

  it("lets a correct password through when under the limit", async () => {
    const user = await createUserWithToken("viewer");
    const response = await signIn(user.email, "a-long-test-password", "10.3.0.1");
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/session_token/);
  });
});
