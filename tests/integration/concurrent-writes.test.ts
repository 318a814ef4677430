import { describe, expect, it } from "vitest";
import { addAnnotation } from "@/lib/annotations/mutations";
import type { CurrentUser } from "@/lib/auth/roles";
import { setAttributionAccuracy, setClaimStatus } from "@/lib/claims/mutations";
import { loadClaimRecords } from "@/lib/claims/records";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { DomainError, StaleVersionError } from "@/lib/errors";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";
import { search } from "@/tests/support/claim-search";
import { checkConsistency } from "@/tests/support/consistency";

/*
 * The short, in-process version of the load test (load/run.ts): many writers at once
 * through the same mutation functions the API routes call, on this file's database copy.
 * Every acknowledged write must be in the database exactly once, and an edit based on a
 * stale version must be refused (409), never silently applied over another.
 */

const WRITERS = 20;
const STATUS_KEYS = DEFAULT_STATUSES.map((status) => status.key);

async function createWriters(label: string, count: number): Promise<CurrentUser[]> {
  const users: CurrentUser[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${label}-writer-${i}`;
    const email = `${id}@claimtrail.test`;
    await prisma.user.create({ data: { id, email, name: `Writer ${i}`, role: "fact_checker" } });
    users.push({ id, email, name: `Writer ${i}`, role: "fact_checker" });
  }
  return users;
}

const isStale = (reason: unknown) => reason instanceof StaleVersionError && reason.status === 409;

describe("concurrent writes", () => {
  it("accept exactly one of 20 concurrent status changes based on the same version; the rest are refused with 409", async () => {
    const users = await createWriters("race", WRITERS);
    const [claim] = (await loadClaimRecords([(await prisma.claim.findFirstOrThrow({ select: { id: true } })).id]));
    const version = claim!.version;
    const outcomes = await Promise.allSettled(
      users.map((user, i) =>
        setClaimStatus(user, claim!.id, { status: STATUS_KEYS.filter((key) => key !== claim!.status.key)[i % (STATUS_KEYS.length - 1)]!, rationale: `race ${i}`, evidence: [], version }),
      ),
    );
    const winners = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [i] : []));
    const refusals = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(refusals).toHaveLength(WRITERS - 1);
    for (const refusal of refusals) {
      expect(isStale(refusal.reason), String(refusal.reason)).toBe(true);
      expect((refusal.reason as DomainError).details).toMatchObject({ current: { version: version + 1 } });
    }

    const winner = winners[0]!;
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: claim!.id }, select: { version: true, status: { select: { key: true } } } });
    expect(after.version).toBe(version + 1);
    expect(after.status.key).toBe((outcomes[winner] as PromiseFulfilledResult<{ status: string }>).value.status);
    const changes = await prisma.statusChange.findMany({ where: { claimId: claim!.id, rationale: { startsWith: "race " } }, select: { rationale: true, userId: true } });
    expect(changes).toEqual([{ rationale: `race ${winner}`, userId: users[winner]!.id }]);
    expect(await prisma.auditLog.count({ where: { action: "set_status", entityId: String(claim!.id), userId: { in: users.map((u) => u.id) } } })).toBe(1);
  });

  it("accept exactly one of 20 concurrent accuracy marks based on the same version", async () => {
    const users = await createWriters("accuracy", WRITERS);
    const attribution = await prisma.attribution.findFirstOrThrow({ select: { id: true, version: true } });
    const outcomes = await Promise.allSettled(
      users.map((user, i) => setAttributionAccuracy(user, attribution.id, { accuracy: i % 2 ? "disputed" : "confirmed_by_primary_source", rationale: `mark ${i}`, version: attribution.version })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(isStale(outcome.reason), String(outcome.reason)).toBe(true);
    expect((await prisma.attribution.findUniqueOrThrow({ where: { id: attribution.id } })).version).toBe(attribution.version + 1);
    expect(await prisma.accuracyChange.count({ where: { attributionId: attribution.id, rationale: { startsWith: "mark " } } })).toBe(1);
  });

  it("account for every write of 20 writers looping over notes and verdicts, retrying lost races with the fresh version", async () => {
    const users = await createWriters("loop", WRITERS);
    const claimIds = (await prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const hot = claimIds.slice(0, 3);
    const before = new Map((await prisma.claim.findMany({ where: { id: { in: hot } }, select: { id: true, version: true, statusId: true } })).map((c) => [c.id, c]));
    const lastChangeId = (await prisma.statusChange.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const acknowledged = new Set<string>();
    let retries = 0;
    let searches = 0;
    const OPERATIONS = 8;

    const writer = async (user: CurrentUser, w: number) => {
      for (let n = 0; n < OPERATIONS; n++) {
        if (n % 2 === 0) {
          const marker = `loop w${w} a${n}`;
          await addAnnotation(user, claimIds[(w * OPERATIONS + n) % claimIds.length]!, { body: marker, attributionId: undefined, parentId: undefined });
          acknowledged.add(marker);
        } else {
          // As an API client does: read the claim (the read-only connection), then post its version.
          const claimId = hot[(w + n) % hot.length]!;
          let [current] = (await loadClaimRecords([claimId]));
          const marker = `loop w${w} s${n}`;
          for (let attempt = 0; ; attempt++) {
            const next = STATUS_KEYS.filter((key) => key !== current!.status.key)[(w + attempt) % (STATUS_KEYS.length - 1)]!;
            try {
              await setClaimStatus(user, claimId, { status: next, rationale: marker, evidence: [], version: current!.version });
              acknowledged.add(marker);
              break;
            } catch (error) {
              if (!isStale(error) || attempt >= 100) throw error;
              retries += 1;
              [current] = (await loadClaimRecords([claimId]));
            }
          }
        }
        // Readers on the read-only connection in between, as the server interleaves them.
        (await search("q=peskov&sort=relevance"));
        searches += 1;
      }
    };
    await Promise.all(users.map((user, w) => writer(user, w)));

    const expectedAnnotations = WRITERS * (OPERATIONS / 2);
    const expectedStatusChanges = WRITERS * (OPERATIONS / 2);
    expect(acknowledged.size).toBe(expectedAnnotations + expectedStatusChanges);
    expect(searches).toBe(WRITERS * OPERATIONS);

    const userIds = users.map((u) => u.id);
    const notes = await prisma.annotation.findMany({ where: { authorId: { in: userIds } }, select: { body: true } });
    const changes = await prisma.statusChange.findMany({ where: { userId: { in: userIds } }, select: { rationale: true } });
    const found = [...notes.map((n) => n.body), ...changes.map((c) => c.rationale)];
    // Every acknowledged write is there, once; nothing else is.
    expect(found).toHaveLength(acknowledged.size);
    expect(new Set(found)).toEqual(acknowledged);
    expect(await prisma.auditLog.count({ where: { userId: { in: userIds } } })).toBe(acknowledged.size);

    // No lost update: each hot claim's version grew by exactly its number of changes, and
    // each change starts from the status the previous one left.
    for (const id of hot) {
      const claim = await prisma.claim.findUniqueOrThrow({ where: { id }, select: { version: true, statusId: true } });
      const history = await prisma.statusChange.findMany({ where: { claimId: id, id: { gt: lastChangeId } }, orderBy: { id: "asc" }, select: { fromStatusId: true, toStatusId: true } });
      expect(claim.version - before.get(id)!.version).toBe(history.length);
      let from = before.get(id)!.statusId;
      for (const change of history) {
        expect(change.fromStatusId).toBe(from);
        from = change.toStatusId;
      }
      expect(claim.statusId).toBe(from);
    }
    // Some writers must have lost a race, or this test proved nothing about them.
    expect(retries).toBeGreaterThan(0);

    const report = await checkConsistency(env.DATABASE_URL);
    expect(report.problems).toEqual([]);
    // Hundreds of serialised writes: seconds on a quiet machine, over a minute on a loaded one.
  }, 180_000);
});
