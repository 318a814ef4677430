import path from "node:path";
import { expect, test } from "@playwright/test";
import { runScript } from "@/tests/support/run-script";
import { freePort, startServer, stopServer, type Server } from "@/tools/harness/server";
import { ACCOUNTS } from "./support/accounts";
import { E2E_DATABASE_URL, E2E_DIR } from "./support/e2e-env";
import { once, type Answer } from "./support/one-request";

/*
 * Two servers (scripts/serve.ts, one process each, on two ports) on ONE PostgreSQL
 * database, as docs/deploy.md sets them up behind a proxy: what one writes the other reads
 * at once, a stale edit is refused across them, a session made on one is good on the
 * other (the same BETTER_AUTH_SECRET, as docs/deploy.md asks), and the sign-in limit counts
 * attempts through both together (its counters live in the database).
 *
 * Run by `npm run test:browser:postgresql` on the database it recreated empty; the main
 * test server (playwright.config.ts) migrated and seeded it. Each part talks from a
 * loopback address of its own (127.0.0.x), so the sign-in limits, which key on the client
 * address, start from zero for it whatever the other journeys did from 127.0.0.1.
 */

/** Runs on PostgreSQL only: playwright.config.ts leaves *.postgresql.spec.ts out on SQLite. */
const DATABASE_URL = E2E_DATABASE_URL;
const SECRET = "two-servers-test-secret-not-for-production-use-00";

async function start(port: number): Promise<Server> {
  return startServer({
    databaseUrl: DATABASE_URL,
    port,
    logFile: path.resolve(`${E2E_DIR}-two-servers-${port}.log`),
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    env: {
      WEB_CONCURRENCY: "1",
      BETTER_AUTH_SECRET: SECRET,
      AUTH_SIGN_IN_MAX_ATTEMPTS: "5",
      PUBLIC_URL: undefined,
      ORGANISATION_NAME: undefined,
      ORGANISATION_URL: undefined,
      CORS_ORIGINS: undefined,
      SHED_LATENCY_MS: "600000",
      SHED_EVENT_LOOP_DELAY_MS: "60000",
    },
  });
}

/** A personal API token, made as an operator does (`npm run users -- token`) on the shared database. */
async function apiToken(email: string): Promise<string> {
  const result = await runScript("scripts/users.ts", ["token", "--email", email, "--name", `two-servers-${Date.now()}`], "", { DATABASE_URL });
  expect(result.code, result.output).toBe(0);
  return result.stdout.trim();
}

function signIn(server: Server, email: string, password: string, from: string): Promise<Answer> {
  return once(`${server.url}/api/auth/sign-in/email`, { method: "POST", from, headers: { origin: server.url }, body: { email, password } });
}

test.describe("two servers on one PostgreSQL database", () => {
  let first: Server;
  let second: Server;
  let token: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    expect(DATABASE_URL, "this spec is for PostgreSQL").toMatch(/^postgres(ql)?:\/\//);
    const firstPort = await freePort([3600, 3649]);
    first = await start(firstPort);
    second = await start(await freePort([firstPort + 1, 3649]));
    token = await apiToken(ACCOUNTS.factChecker.email);
  });

  test.afterAll(async () => {
    await Promise.all([first, second].filter(Boolean).map((server) => stopServer(server)));
  });

  async function someClaim(): Promise<{ id: number; version: number; status: string }> {
    const list = await once(`${first.url}/api/claims?pageSize=1`);
    expect(list.status, list.body).toBe(200);
    const id = (JSON.parse(list.body) as { items: { id: number }[] }).items[0]!.id;
    const detail = await once(`${first.url}/api/claims/${id}`);
    const claim = JSON.parse(detail.body) as { version: number; status: { key: string } };
    return { id, version: claim.version, status: claim.status.key };
  }

  test("a verdict given through one server is read through the other at once", async () => {
    const claim = await someClaim();
    const before = await once(`${second.url}/api/claims/${claim.id}`);
    const etag = before.headers.etag!;
    const status = claim.status === "in_review" ? "unreviewed" : "in_review";
    const rationale = `Written through ${first.url}, read through ${second.url} ${Date.now()}`;
    const written = await once(`${first.url}/api/claims/${claim.id}/status`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: { status, rationale, evidence: [], version: claim.version },
    });
    expect(written.status, written.body).toBe(200);

    // No wait, no retry: the very next read through the other server sees it, and its ETag moved on.
    const read = await once(`${second.url}/api/claims/${claim.id}`, { headers: { "if-none-match": etag } });
    expect(read.status, read.body).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ status: { key: status }, version: claim.version + 1 });
    expect(read.headers.etag).not.toBe(etag);
  });

  test("two edits based on the same version, one through each server: one is saved, the other gets 409", async () => {
    const claim = await someClaim();
    const edit = (server: Server, status: string) =>
      once(`${server.url}/api/claims/${claim.id}/status`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: { status, rationale: `Edit through ${server.url} from version ${claim.version}`, evidence: [], version: claim.version },
      });
    // Sent together, so neither server has seen the other's write when it reads the version.
    const answers = await Promise.all([edit(first, "in_review"), edit(second, "unreviewed")]);
    expect(answers.map((answer) => answer.status).sort(), answers.map((answer) => answer.body).join("\n")).toEqual([200, 409]);
    const saved = answers.findIndex((answer) => answer.status === 200);

    // Exactly one write happened, the one that was answered 200, and both servers say so.
    for (const server of [first, second]) {
      const after = JSON.parse((await once(`${server.url}/api/claims/${claim.id}`)).body) as { version: number; status: { key: string } };
      expect(after).toMatchObject({ version: claim.version + 1, status: { key: saved === 0 ? "in_review" : "unreviewed" } });
    }
  });

  test("a session made by signing in on one server is valid on the other", async () => {
    const from = "127.0.0.3";
    const account = ACCOUNTS.factChecker;
    const signedIn = await signIn(first, account.email, account.password, from);
    expect(signedIn.status, signedIn.body).toBe(200);
    const cookie = (signedIn.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]!).join("; ");
    expect(cookie).toContain("session_token=");

    const elsewhere = await once(`${second.url}/api/auth/get-session`, { from, headers: { cookie } });
    expect(elsewhere.status, elsewhere.body).toBe(200);
    expect(JSON.parse(elsewhere.body)).toMatchObject({ user: { email: account.email } });
    // Without the cookie the other server knows nobody: it is the cookie that carries over.
    const anonymous = await once(`${second.url}/api/auth/get-session`, { from });
    expect(JSON.parse(anonymous.body || "null")).toBeNull();

    // Signed out on the second server, the session is gone on the first too.
    const signedOut = await once(`${second.url}/api/auth/sign-out`, { method: "POST", from, headers: { cookie, origin: second.url }, body: {} });
    expect(signedOut.status, signedOut.body).toBe(200);
    const afterSignOut = await once(`${first.url}/api/auth/get-session`, { from, headers: { cookie } });
    expect(JSON.parse(afterSignOut.body || "null")).toBeNull();
  });

  test("sign-in attempts alternating between the servers are limited together: the sixth gets 429", async () => {
    const from = "127.0.0.2";
    const account = ACCOUNTS.viewer;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const answer = await signIn(attempt % 2 === 0 ? first : second, account.email, "not-the-password-at-all", from);
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Still refused on either server, even with the right password, until the minute is over.
    for (const server of [first, second]) {
      const answer = await signIn(server, account.email, account.password, from);
      expect(answer.status, answer.body).toBe(429);
    }
  });
});
