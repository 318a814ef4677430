import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { findOrCreateActor, addAliasIfFree } from "@/lib/actors/resolve-actor";
import { findQuote } from "@/lib/sources/anchoring";
import { normalizeKey } from "@/lib/text/normalize";
import { sha256Hex } from "@/lib/text/sha256";
import { ensureDefaultStatuses, initialStatusId } from "@/lib/seed/default-statuses";
import { articleModelSchema, type ArticleModel } from "@/lib/seed/article-model";

export type LoadArticleResult = { sourceId: number; created: boolean; claims: number; attributions: number };

/**
 * Load an article and its modelled claims in one transaction: either everything is
 * written or nothing is. Loading the same text twice is a no-op (the source is found
 * by its SHA-256), which is what makes seeding idempotent.
 */
export async function loadArticle(prisma: PrismaClient, text: string, model: ArticleModel): Promise<LoadArticleResult> {
  const parsed = articleModelSchema.parse(model);
  const textSha256 = sha256Hex(text);

  // Anchor every quote before touching the database, so a bad model writes nothing.
  const anchoredClaims = parsed.claims.map((claim) => ({
    ...claim,
    attributions: claim.attributions.map((attribution) => {
      const anchored = findQuote(text, attribution.quote, attribution.occurrence);
      if (!anchored.ok) throw new Error(`Seed claim "${claim.text}": ${anchored.problem.message}`);
      return { ...attribution, anchor: anchored.anchor };
    }),
  }));

  return prisma.$transaction(async (tx) => {
    await ensureDefaultStatuses(tx);
    const existing = await tx.source.findFirst({ where: { textSha256, title: parsed.source.title }, select: { id: true } });
    if (existing) return { sourceId: existing.id, created: false, claims: 0, attributions: 0 };

    const topicIds = new Map<string, number>();
    for (const topic of parsed.topics) {
      const row = await tx.topic.upsert({
        where: { key: topic.key },
        create: { key: topic.key, label: topic.label, description: topic.description ?? null },
        update: {},
        select: { id: true },
      });
      topicIds.set(topic.key, row.id);
    }

    const actorIds = new Map<string, number>();
    for (const actor of parsed.actors) {
      const row = await findOrCreateActor(tx, actor.name, actor);
      if (!row.created) for (const alias of actor.aliases) await addAliasIfFree(tx, row.id, alias);
      actorIds.set(normalizeKey(actor.name), row.id);
    }
    const actorId = async (name: string) =>
      actorIds.get(normalizeKey(name)) ?? (await findOrCreateActor(tx, name)).id;

    const source = await tx.source.create({
      data: {
        title: parsed.source.title,
        outlet: parsed.source.outlet,
        url: parsed.source.url,
        author: parsed.source.author,
        publishedAt: parsed.source.publishedAt ? new Date(parsed.source.publishedAt) : null,
        text,
        textSha256,
      },
      select: { id: true },
    });

    const statusId = await initialStatusId(tx);
    let attributionCount = 0;
    for (const claim of anchoredClaims) {
      const topicId = topicIds.get(claim.topic) ?? (await topicIdByKey(tx, claim.topic));
      const normalizedText = normalizeKey(claim.text);
      const claimRow =
        (await tx.claim.findUnique({ where: { topicId_normalizedText: { topicId, normalizedText } }, select: { id: true } })) ??
        (await tx.claim.create({ data: { text: claim.text, normalizedText, topicId, statusId }, select: { id: true } }));

      for (const attribution of claim.attributions) {
        const viaIds = [];
        for (const name of attribution.via) viaIds.push(await actorId(name));
        await tx.attribution.create({
          data: {
            claimId: claimRow.id,
            sourceId: source.id,
            actorId: await actorId(attribution.actor),
            stance: attribution.stance,
            verb: attribution.verb ?? null,
            sourcing: attribution.sourcing,
            actorRole: attribution.actorRole ?? null,
            ...attribution.anchor,
            via: { create: viaIds.map((id, position) => ({ actorId: id, position })) },
          },
        });
        attributionCount += 1;
      }
    }
    return { sourceId: source.id, created: true, claims: anchoredClaims.length, attributions: attributionCount };
  });
}

async function topicIdByKey(tx: Prisma.TransactionClient, key: string): Promise<number> {
  const topic = await tx.topic.findUnique({ where: { key }, select: { id: true } });
  if (!topic) throw new Error(`Unknown topic "${key}": declare it in the model's topics`);
  return topic.id;
}
