/**
 * `npm run db:prepare`: migrate the database at DATABASE_URL and seed it when it holds
 * no claims yet. `npm start` runs this first, so a fresh clone needs no set-up step.
 */
import { env } from "@/lib/env";
import { migrateAnyDatabase } from "@/lib/db/migrate";
import { describeFatalError } from "@/lib/db/unavailable";

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

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(describeFatalError(error) ?? error);
    process.exit(1);
  });
}
