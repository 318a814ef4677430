import { expect, type APIRequestContext } from "@playwright/test";
import { runScript } from "@/tests/support/run-script";
import { ACCOUNTS, type AccountName } from "./accounts";
import { DATABASE_FILE } from "./e2e-env";

/** A new personal API token for a test account, made as an operator does (`npm run users -- token`). */
export async function apiToken(account: AccountName): Promise<string> {
  const result = await runScript("scripts/users.ts", ["token", "--email", ACCOUNTS[account].email, "--name", `e2e-${Date.now()}`], DATABASE_FILE);
  expect(result.code, result.output).toBe(0);
  return result.stdout.trim();
}

export type Statement = { actor: string; actorKind?: "person" | "government" | "organisation" | "news_outlet" | "unnamed_source"; stance: "asserts" | "denies" | "reports"; sourcing?: "named" | "unnamed"; words: string };

/**
 * A new article, a claim made from its statements and a final verdict on it, all through the
 * JSON API with a Bearer token (`baseURL` picks the server). Returns the claim's id.
 */
export async function createReviewedClaim(
  request: APIRequestContext,
  options: { baseURL: string; token: string; claim: string; topic?: string; status: string; outlet?: string; statements: Statement[] },
): Promise<number> {
  const headers = { authorization: `Bearer ${options.token}` };
  const text = `${options.claim}\n\n${options.statements.map((s) => s.words).join("\n\n")}\n`;
  const source = await request.post(`${options.baseURL}/api/sources`, {
    headers,
    data: { title: `Article about ${options.claim.slice(0, 40)}`, outlet: options.outlet ?? "Test Courier", publishedAt: "2024-11-02", text },
  });
  expect(source.status(), await source.text()).toBe(201);
  const sourceId = (await source.json()).id as number;
  const created = await request.post(`${options.baseURL}/api/claims`, {
    headers,
    data: {
      text: options.claim,
      topic: options.topic ?? "troop-deaths",
      attributions: options.statements.map((s) => ({ sourceId, actor: s.actor, actorKind: s.actorKind, stance: s.stance, sourcing: s.sourcing ?? "named", quote: s.words })),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const claim = (await created.json()) as { id: number; version: number };
  const verdict = await request.post(`${options.baseURL}/api/claims/${claim.id}/status`, {
    headers,
    data: { status: options.status, rationale: `Rated ${options.status}: the "evidence" </script> says so.`, version: claim.version },
  });
  expect(verdict.status(), await verdict.text()).toBe(200);
  return claim.id;
}
