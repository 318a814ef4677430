import { ensureAnyMigrated } from "@/lib/db/migrate";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ensureDefaultStatuses } from "@/lib/seed/default-statuses";

/**
 * Make the database at DATABASE_URL fit for the command-line tools (`npm run users`,
 * `npm run import`): migrated, and holding the default verdict vocabulary. They may be the
 * first thing run on a fresh clone, before `npm start` has created the database; the
 * article is still seeded by `npm start`, which seeds whenever no source exists.
 */
export async function readyDatabase(): Promise<void> {
  await ensureAnyMigrated(env.DATABASE_URL);
  if ((await prisma.status.count()) === 0) await prisma.$transaction((tx) => ensureDefaultStatuses(tx));
}
