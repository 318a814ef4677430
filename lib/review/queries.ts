import "server-only";
import { prisma } from "@/lib/db/prisma";
import { parseEvidence } from "@/lib/review/evidence";

export type StatusChangeView = {
  id: number;
  from: { label: string; colour: string } | null;
  to: { label: string; colour: string };
  rationale: string;
  evidence: string[];
  by: string;
  at: string;
};

export type AccuracyChangeView = { id: number; attributionId: number; from: string; to: string; rationale: string; by: string; at: string };

const who = (user: { name: string; email: string } | null) => user?.name ?? user?.email ?? "system";

/** A claim's verdict history, newest first. */
export async function listStatusChanges(claimId: number): Promise<StatusChangeView[]> {
  const rows = await prisma.statusChange.findMany({
    where: { claimId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      rationale: true,
      evidence: true,
      createdAt: true,
      fromStatus: { select: { label: true, colour: true } },
      toStatus: { select: { label: true, colour: true } },
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    from: row.fromStatus,
    to: row.toStatus,
    rationale: row.rationale,
    evidence: parseEvidence(row.evidence),
    by: who(row.user),
    at: row.createdAt.toISOString(),
  }));
}

/** The accuracy history of the given attributions, newest first. */
export async function listAccuracyChanges(attributionIds: number[]): Promise<AccuracyChangeView[]> {
  if (attributionIds.length === 0) return [];
  const rows = await prisma.accuracyChange.findMany({
    where: { attributionId: { in: attributionIds } },
    orderBy: { id: "desc" },
    select: { id: true, attributionId: true, fromAccuracy: true, toAccuracy: true, rationale: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    attributionId: row.attributionId,
    from: row.fromAccuracy,
    to: row.toAccuracy,
    rationale: row.rationale,
    by: who(row.user),
    at: row.createdAt.toISOString(),
  }));
}
