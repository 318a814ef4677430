import { prisma } from "@/lib/db/prisma";
import { loadArticle } from "@/lib/seed/load-article";
import type { ArticleModel } from "@/lib/seed/article-model";
import type { Sourcing, Stance } from "@/lib/vocabulary/terms";

export type Statement = {
  claim: string;
  topic: string;
  actor: string;
  stance: Stance;
  /** The words the article prints; they become the quote. Defaults to a sentence built from the claim. */
  words?: string;
  via?: string[];
  verb?: string;
  sourcing?: Sourcing;
};

let counter = 0;

/**
 * Build and load an article through the same loader as the seed: the text is made of the
 * statements' words, so every quote anchors for real. Topics and actors are created as
 * needed. Returns the new source id.
 */
export async function createArticle(options: { title?: string; outlet?: string; publishedAt?: string | null; url?: string | null; statements: Statement[] }) {
  counter += 1;
  const words = options.statements.map((s, i) => s.words ?? `${s.actor} on item ${counter}.${i}: ${s.claim}`);
  const text = `${options.title ?? `Test article ${counter}`}\n\n${words.join("\n\n")}\n`;
  const topics = [...new Set(options.statements.map((s) => s.topic))].map((key) => ({ key, label: key.replace(/-/g, " ") }));
  const actorNames = [...new Set(options.statements.flatMap((s) => [s.actor, ...(s.via ?? [])]))];
  const claims = new Map<string, NonNullable<ArticleModel["claims"]>[number]>();
  options.statements.forEach((s, i) => {
    const claim = claims.get(s.claim) ?? { text: s.claim, topic: s.topic, attributions: [] };
    claim.attributions.push({ actor: s.actor, stance: s.stance, verb: s.verb, sourcing: s.sourcing, via: s.via ?? [], quote: words[i]! });
    claims.set(s.claim, claim);
  });
  const model: ArticleModel = {
    source: {
      title: options.title ?? `Test article ${counter}`,
      outlet: options.outlet ?? "Test Outlet",
      url: options.url ?? null,
      author: null,
      publishedAt: options.publishedAt ?? null,
    },
    topics,
    actors: actorNames.map((name) => ({ name, kind: "person" as const, aliases: [] })),
    claims: [...claims.values()],
  };
  const result = await loadArticle(prisma, text, model);
  return result.sourceId;
}

export async function claimIdByText(text: string): Promise<number> {
  return (await prisma.claim.findFirstOrThrow({ where: { text }, select: { id: true } })).id;
}

export async function actorIdByName(name: string): Promise<number> {
  return (await prisma.actor.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

export async function setStatus(claimText: string, statusKey: string): Promise<void> {
  const status = await prisma.status.findUniqueOrThrow({ where: { key: statusKey } });
  await prisma.claim.updateMany({ where: { text: claimText }, data: { statusId: status.id } });
}
