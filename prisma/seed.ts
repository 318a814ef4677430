import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prisma } from "@/lib/db/prisma";
import { loadArticle } from "@/lib/seed/load-article";
import { seedArticleModel } from "./seed-data/seed-article.model";

/** The seed article ships inside the repository; nothing is read from outside it. */
export const SEED_ARTICLE_PATH = fileURLToPath(new URL("./seed-data/seed-article.txt", import.meta.url));

export async function seed() {
  const text = readFileSync(SEED_ARTICLE_PATH, "utf8");
  return loadArticle(prisma, text, seedArticleModel);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
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
