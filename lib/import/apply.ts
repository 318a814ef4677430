import type { Prisma } from "@/lib/generated/prisma/client";
import { findOrCreateActor } from "@/lib/actors/resolve-actor";
import type { ImportPlan } from "@/lib/import/plan";
import { normalizeKey } from "@/lib/text/normalize";
import { sha256Hex } from "@/lib/text/sha256";
import { INITIAL_STATUS_KEY } from "@/lib/vocabulary/default-statuses";
import { humanise } from "@/lib/vocabulary/terms";

type Tx = Prisma.TransactionClient;

const EMPTY_TEXT_SHA256 = sha256Hex("");

/**
 * Write a checked plan inside the caller's transaction (with the search triggers paused;
 * the caller rebuilds the touched claims). Returns the ids of every claim whose search
 * document or derived columns may have changed.
 */
export async function applyImportPlan(tx: Tx, plan: ImportPlan, context: { userId: string | null; fileName: string }): Promise<number[]> {
  for (const key of plan.topicsToCreate) {
    await tx.topic.create({ data: { key, label: capitalise(humanise(key).replace(/-/g, " ")) } });
  }
  const topicIds = new Map((await tx.topic.findMany({ select: { id: true, key: true } })).map((topic) => [topic.key, topic.id]));
  const statusIds = new Map((await tx.status.findMany({ select: { id: true, key: true } })).map((status) => [status.key, status.id]));
  const statusId = (key: string) => {
    const id = statusIds.get(key);
    if (id === undefined) throw new Error(`unreachable: status "${key}" was checked`);
    return id;
  };

  const actorIds = new Map<string, number>();
  for (const actor of plan.actors) {
    // New actors through the shared resolver, which matches by name or alias once more.
    const id = actor.existingId ?? (await findOrCreateActor(tx, actor.name, { kind: actor.kind ?? "organisation", role: null })).id;
    actorIds.set(actor.key, id);
  }

  const sourceIds = new Map<string, number>();
  for (const source of plan.sources) {
    const id =
      source.existingId ??
      (
        await tx.source.create({
          // The file carries no article text: the source is stored without it (its quotes have no offsets).
          data: { title: source.title, outlet: source.outlet, url: source.url, publishedAt: source.publishedAt, text: "", textSha256: EMPTY_TEXT_SHA256 },
          select: { id: true },
        })
      ).id;
    sourceIds.set(source.key, id);
  }

  const rationale = `Set by the import of ${context.fileName}.`;
  const claimIds = new Map<string, number>();
  // Claims without an id in the file are numbered after every id in use or given by the
  // file, as AUTOINCREMENT would number them: this transaction holds the write lock, so
  // no one else can take those ids meanwhile. Numbering here lets the rows go in batches.
  const newClaims = plan.claims.filter((claim) => !claim.existing);
  let nextClaimId = Math.max(await nextId(tx, "Claim"), ...newClaims.map((claim) => (claim.id ?? 0) + 1));
  for (const claim of newClaims) claimIds.set(claim.key, claim.id ?? nextClaimId++);
  for (const batch of chunks(newClaims)) {
    await tx.claim.createMany({
      data: batch.map((claim) => {
        const topicId = topicIds.get(claim.topic);
        if (topicId === undefined) throw new Error(`unreachable: topic "${claim.topic}" was checked`);
        return { id: claimIds.get(claim.key)!, text: claim.text, normalizedText: normalizeKey(claim.text), topicId, statusId: statusId(claim.status) };
      }),
    });
  }
  // The verdict history starts here; ClaimReview dates a verdict by its change.
  const statusChanges: Prisma.StatusChangeCreateManyInput[] = newClaims
    .filter((claim) => claim.status !== INITIAL_STATUS_KEY)
    .map((claim) => ({ claimId: claimIds.get(claim.key)!, fromStatusId: null, toStatusId: statusId(claim.status), rationale, userId: context.userId }));
  for (const claim of plan.claims.filter((c) => c.existing)) {
    claimIds.set(claim.key, claim.id!);
    if (claim.currentStatus === claim.status) continue;
    const toStatusId = statusId(claim.status);
    await tx.claim.update({ where: { id: claim.id! }, data: { statusId: toStatusId, version: { increment: 1 } } });
    statusChanges.push({ claimId: claim.id!, fromStatusId: statusId(claim.currentStatus!), toStatusId, rationale, userId: context.userId });
  }
  for (const batch of chunks(statusChanges)) await tx.statusChange.createMany({ data: batch });

  const touched = new Set<number>(newClaims.map((claim) => claimIds.get(claim.key)!));
  let nextAttributionId = await nextId(tx, "Attribution");
  for (const batch of chunks(plan.attributions)) {
    const rows = batch.map((attribution) => ({ attribution, id: nextAttributionId++, claimId: claimIds.get(attribution.claimKey)! }));
    await tx.attribution.createMany({
      data: rows.map(({ attribution, id, claimId }) => ({
        id,
        claimId,
        sourceId: sourceIds.get(attribution.sourceKey)!,
        actorId: actorIds.get(attribution.actorKey)!,
        stance: attribution.stance,
        verb: attribution.verb,
        sourcing: attribution.sourcing,
        actorRole: attribution.actorRole,
        accuracy: attribution.accuracy,
        ...attribution.anchor,
      })),
    });
    const via = rows.flatMap(({ attribution, id }) => attribution.viaKeys.map((key, position) => ({ attributionId: id, position, actorId: actorIds.get(key)! })));
    if (via.length > 0) await tx.attributionVia.createMany({ data: via });
    for (const row of rows) touched.add(row.claimId);
  }
  return [...touched];
}

const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK));
  return out;
}

/** The id AUTOINCREMENT would give the next row of `table`: above every id ever used. */
async function nextId(tx: Tx, table: "Claim" | "Attribution"): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ next: number | bigint }[]>(
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM "${table}"), 0)) + 1 AS next`,
    table,
  );
  return Number(row?.next ?? 1);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
