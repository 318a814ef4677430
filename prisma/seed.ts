import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prisma } from "@/lib/db/prisma";
import { parseCommandLine } from "@/scripts/shared/command-line";
import { loadArticle } from "@/lib/seed/load-article";
import { seedArticleModel } from "./seed-data/seed-article.model";

/** The seed article ships inside the repository; nothing is read from outside it. */
export const SEED_ARTICLE_PATH = fileURLToPath(new URL("./seed-data/seed-article.txt", import.meta.url));

export async function seed() {
  const text = readFileSync(SEED_ARTICLE_PATH, "utf8");
  return loadArticle(prisma, text, seedArticleModel);
}

const USAGE = `Usage: npm run db:seed

Load the example article into the database at DATABASE_URL, unless it is already there.`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const commandLine = parseCommandLine(process.argv.slice(2), USAGE, {});
  if ("exitCode" in commandLine) process.exit(commandLine.exitCode);
  seed()
    .then((result) => {
      console.log(
        result.created
          ? `Seeded source ${result.sourceId}: ${result.claims} claims, ${result.attributions} attributions.`
          : `Seed article already present (source ${result.sourceId}); nothing to do.`,
      );
    })
    .finally(() => prisma.$disconnect());
}
