import { readFileSync } from "node:fs";
import { SEED_ARTICLE_PATH } from "@/prisma/seed";

/** The seed article's text, as stored by the seed. */
export const seedArticleText = readFileSync(SEED_ARTICLE_PATH, "utf8");
