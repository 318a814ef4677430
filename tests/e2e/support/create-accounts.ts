/**
 * Run by playwright.config.ts before the server starts: prepare the test database and
 * create the accounts the browser tests use, through the same code as `npm run users`.
 */
import { prepareDatabase } from "@/scripts/db/prepare";
import { ACCOUNTS } from "./accounts";

async function main() {
  await prepareDatabase();
  const { createUserAccount } = await import("@/lib/users/admin");
  const { prisma } = await import("@/lib/db/prisma");
  for (const account of Object.values(ACCOUNTS)) {
    await createUserAccount(null, { email: account.email, role: account.role, password: account.password, name: account.email.split("@")[0] });
  }
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
