/**
 * The rows of a synthetic database, as plain data: generate.ts produces them, load.ts
 * writes them. Times are epoch milliseconds (converted to Prisma's stored form on load);
 * statuses are referred to by key, because their ids belong to the target database.
 */
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";

export type UserRow = { id: string; name: string; email: string; role: "viewer" | "fact_checker" | "admin"; createdAt: number };

export type TopicRow = { id: number; key: string; label: string; description: string };

export type ActorRow = {
  id: number;
  name: string;
  normalizedName: string;
  kind: ActorKind;
  role: string | null;
  affiliation: string | null;
  createdAt: number;
};

export type AliasRow = { id: number; actorId: number; alias: string; normalizedAlias: string };

export type SourceRow = {
  id: number;
  title: string;
  outlet: string;
  url: string;
  author: string | null;
  publishedAt: number | null;
  text: string;
  textSha256: string;
  createdAt: number;
};

export type ClaimRow = {
  id: number;
  text: string;
  normalizedText: string;
  topicId: number;
  statusKey: string;
  version: number;
  createdAt: number;
  updatedAt: number;
};

export type AttributionRow = {
  id: number;
  claimId: number;
  sourceId: number;
  actorId: number;
  stance: Stance;
  verb: string;
  sourcing: Sourcing;
  actorRole: string | null;
  quote: string;
  quotePrefix: string;
  quoteSuffix: string;
  quoteStart: number;
  quoteEnd: number;
  accuracy: Accuracy;
  version: number;
  createdAt: number;
  updatedAt: number;
};

export type ViaRow = { attributionId: number; position: number; actorId: number };

export type StatusChangeRow = {
  id: number;
  claimId: number;
  fromStatusKey: string | null;
  toStatusKey: string;
  rationale: string;
  evidence: string[];
  userId: string;
  createdAt: number;
};

export type AccuracyChangeRow = {
  id: number;
  attributionId: number;
  fromAccuracy: Accuracy;
  toAccuracy: Accuracy;
  rationale: string;
  userId: string;
  createdAt: number;
};

export type AnnotationRow = {
  id: number;
  claimId: number;
  attributionId: number | null;
  parentId: number | null;
  authorId: string;
  body: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
};

export type AuditRow = {
  id: number;
  userId: string;
  action: "set_status" | "set_accuracy" | "create" | "delete";
  entityType: "claim" | "attribution" | "annotation";
  entityId: string;
  before: string | null;
  after: string | null;
  createdAt: number;
};

export type SyntheticDataset = {
  seed: number;
  users: UserRow[];
  topics: TopicRow[];
  actors: ActorRow[];
  aliases: AliasRow[];
  sources: SourceRow[];
  claims: ClaimRow[];
  attributions: AttributionRow[];
  vias: ViaRow[];
  statusChanges: StatusChangeRow[];
  accuracyChanges: AccuracyChangeRow[];
  annotations: AnnotationRow[];
  audit: AuditRow[];
};
