/**
 * Run by load/run.ts as a child process (tsx --conditions=react-server, DATABASE_URL set):
 * creates the load test's fact-checker account through the same code as
 * `npm run users -- add`, and one API token per writer as `npm run users -- token` does.
 * Prints `{ "userId": ..., "tokens": [...] }` on stdout.
 *
 *   tsx --conditions=react-server load/setup-users.ts EMAIL TOKEN_COUNT
 */
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db/prisma";
import { createUserAccount } from "@/lib/users/admin";

async function main() {
  const [email, countArg] = process.argv.slice(2);
  if (!email || !countArg) throw new Error("usage: setup-users.ts EMAIL TOKEN_COUNT");
  const password = process.env.CLAIMTRAIL_PASSWORD ?? randomBytes(18).toString("base64url");
  const user = await createUserAccount(null, { email, name: "Load-test writer", role: "fact_checker", password });
  const tokens: string[] = [];
  for (let i = 0; i < Number(countArg); i++) tokens.push((await createApiToken(user.id, `load writer ${i + 1}`)).token);
  process.stdout.write(`${JSON.stringify({ userId: user.id, tokens })}\n`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
