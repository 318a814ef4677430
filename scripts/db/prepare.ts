/**
 * `npm run db:prepare`: migrate the database at DATABASE_URL and seed it when it holds
 * no claims yet. `npm start` runs this first, so a fresh clone needs no set-up step.
 */
import { env } from "@/lib/env";
import { migrateAnyDatabase } from "@/lib/db/migrate";
import { describeFatalError } from "@/lib/db/unavailable";
import { parseCommandLine } from "../shared/command-line";

export async function prepareDatabase(): Promise<void> {
  await migrateAnyDatabase(env.DATABASE_URL);
  // Imported after migrating: the Prisma client must not open the file before it exists.
  const { prisma } = await import("@/lib/db/prisma");
  try {
    if ((await prisma.source.count()) === 0) {
      const { seed } = await import("@/prisma/seed");
      const result = await seed();
      console.log(`Seeded the example article: ${result.claims} claims, ${result.attributions} attributions.`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

const USAGE = `Usage: npm run db:prepare

Migrate the database at DATABASE_URL (creating a SQLite file on first use; applying the PostgreSQL migrations when it names PostgreSQL) and load the example article when it holds no claims.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {});
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  prepareDatabase().catch((error: unknown) => {
    console.error(describeFatalError(error) ?? error);
    process.exit(1);
  });
}
