import "server-only";
import { dialect } from "@/lib/db/dialect";
import { numberedPlaceholders } from "@/lib/db/sql";
import { newActorFields } from "@/lib/actors/resolve-actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toStoredTimestamp } from "@/lib/db/timestamps";
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
 *
 * The transaction holds SQLite's only write lock for as long as it runs, so the many rows
 * go in as multi-row INSERTs with bound values (Prisma's createMany costs a good fraction
 * of a millisecond per row) and new rows are numbered here: as AUTOINCREMENT would number
 * them, above every id ever used, which nobody else can take while the lock is held.
 * Timestamps are written in the form Prisma writes them (lib/db/timestamps.ts).
 */
export async function applyImportPlan(tx: Tx, plan: ImportPlan, context: { userId: string | null; fileName: string }): Promise<number[]> {
  const now = toStoredTimestamp(new Date());

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

  // Actors the plan found by name or alias (findActorsByNameOrAlias) keep their ids; the
  // others are created with the fields findOrCreateActor gives a new actor.
  const actorIds = new Map<string, number>();
  let nextActorId = await nextId(tx, "Actor");
  const newActors = plan.actors.filter((actor) => actor.existingId === null);
  for (const actor of plan.actors) actorIds.set(actor.key, actor.existingId ?? nextActorId++);
  await insertRows(
    tx,
    "Actor",
    ["id", "name", "normalizedName", "kind", "role", "createdAt", "updatedAt"],
    newActors.map((actor) => {
      const fields = newActorFields(actor.name, actor.kind);
      return [actorIds.get(actor.key)!, fields.name, fields.normalizedName, fields.kind, null, now, now];
    }),
  );

  // New sources carry no article text (the file does not hold it), so their quotes have no offsets.
  const sourceIds = new Map<string, number>();
  let nextSourceId = await nextId(tx, "Source");
  const newSources = plan.sources.filter((source) => source.existingId === null);
  for (const source of plan.sources) sourceIds.set(source.key, source.existingId ?? nextSourceId++);
  await insertRows(
    tx,
    "Source",
    ["id", "title", "outlet", "url", "publishedAt", "text", "textSha256", "createdAt", "updatedAt"],
    newSources.map((source) => [sourceIds.get(source.key)!, source.title, source.outlet, source.url, source.publishedAt ? toStoredTimestamp(source.publishedAt) : null, "", EMPTY_TEXT_SHA256, now, now]),
  );

  // Claims: those with an id from the file keep it; the others are numbered after all of them.
  const claimIds = new Map<string, number>();
  const newClaims = plan.claims.filter((claim) => !claim.existing);
  // A loop, not Math.max(...ids): spreading 100,000 arguments overflows the stack.
  let nextClaimId = await nextId(tx, "Claim");
  for (const claim of newClaims) if (claim.id !== null && claim.id >= nextClaimId) nextClaimId = claim.id + 1;
  for (const claim of newClaims) claimIds.set(claim.key, claim.id ?? nextClaimId++);
  await insertRows(
    tx,
    "Claim",
    ["id", "text", "normalizedText", "topicId", "statusId", "createdAt", "updatedAt"],
    newClaims.map((claim) => {
      const topicId = topicIds.get(claim.topic);
      if (topicId === undefined) throw new Error(`unreachable: topic "${claim.topic}" was checked`);
      return [claimIds.get(claim.key)!, claim.text, normalizeKey(claim.text), topicId, statusId(claim.status), now, now];
    }),
  );

  // The verdict history starts here; ClaimReview dates a verdict by its change.
  const rationale = `Set by the import of ${context.fileName}.`;
  const statusChanges: unknown[][] = newClaims
    .filter((claim) => claim.status !== INITIAL_STATUS_KEY)
    .map((claim) => [claimIds.get(claim.key)!, null, statusId(claim.status), rationale, "[]", context.userId, now]);
  for (const claim of plan.claims.filter((c) => c.existing)) {
    claimIds.set(claim.key, claim.id!);
    if (claim.currentStatus === claim.status) continue;
    const toStatusId = statusId(claim.status);
    await tx.claim.update({ where: { id: claim.id! }, data: { statusId: toStatusId, version: { increment: 1 } } });
    statusChanges.push([claim.id!, statusId(claim.currentStatus!), toStatusId, rationale, "[]", context.userId, now]);
  }
  await insertRows(tx, "StatusChange", ["claimId", "fromStatusId", "toStatusId", "rationale", "evidence", "userId", "createdAt"], statusChanges);

  const touched = new Set<number>(newClaims.map((claim) => claimIds.get(claim.key)!));
  let nextAttributionId = await nextId(tx, "Attribution");
  const attributions = plan.attributions.map((attribution) => ({ attribution, id: nextAttributionId++, claimId: claimIds.get(attribution.claimKey)! }));
  await insertRows(
    tx,
    "Attribution",
    ["id", "claimId", "sourceId", "actorId", "stance", "verb", "sourcing", "actorRole", "quote", "quotePrefix", "quoteSuffix", "quoteStart", "quoteEnd", "accuracy", "createdAt", "updatedAt"],
    attributions.map(({ attribution: a, id, claimId }) => [
      id,
      claimId,
      sourceIds.get(a.sourceKey)!,
      actorIds.get(a.actorKey)!,
      a.stance,
      a.verb,
      a.sourcing,
      a.actorRole,
      a.anchor.quote,
      a.anchor.quotePrefix,
      a.anchor.quoteSuffix,
      a.anchor.quoteStart,
      a.anchor.quoteEnd,
      a.accuracy,
      now,
      now,
    ]),
  );
  await insertRows(
    tx,
    "AttributionVia",
    ["attributionId", "position", "actorId"],
    attributions.flatMap(({ attribution, id }) => attribution.viaKeys.map((key, position) => [id, position, actorIds.get(key)!])),
  );
  for (const { claimId } of attributions) touched.add(claimId);
  return [...touched];
}

/** Bound parameters per statement: well under SQLite's limit of 32,766. */
const MAX_PARAMETERS = 20_000;

/** INSERT rows in as few statements as the parameter limit allows. Table and column names are code constants. */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => placeholders).join(", ")}`;
    await tx.$executeRawUnsafe(dialect === "postgresql" ? numberedPlaceholders(text) : text, ...chunk.flat());
  }
  // PostgreSQL's id sequence does not move for ids given explicitly (SQLite's AUTOINCREMENT
  // does): advance it past them, so the next id Prisma takes is free.
  if (dialect === "postgresql" && columns[0] === "id" && rows.length > 0) {
    await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max("id") FROM "${table}"))`);
  }
}

/** The id AUTOINCREMENT would give the next row of `table`: above every id ever used. */
async function nextId(tx: Tx, table: "Claim" | "Attribution" | "Source" | "Actor"): Promise<number> {
  if (dialect === "postgresql") {
    // The sequence's last value counts ids given out and rolled back as well, as sqlite_sequence does.
    const [row] = await tx.$queryRawUnsafe<{ next: number | bigint }[]>(
      `SELECT greatest(coalesce((SELECT max("id") FROM "${table}"), 0), (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "${table}_id_seq")) + 1 AS "next"`,
    );
    return Number(row?.next ?? 1);
  }
  const [row] = await tx.$queryRawUnsafe<{ next: number | bigint }[]>(
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM "${table}"), 0)) + 1 AS next`,
    table,
  );
  return Number(row?.next ?? 1);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
