import { z } from "zod";
import { mustBeOneOf } from "@/lib/text/text-schema";

/**
 * The fixed vocabularies of the domain. Statuses and topics are records (a workspace can
 * extend them); these are not, because code branches on them.
 */

/** How an actor stands on a claim in a source. Maps to FNC-1: agree / disagree / discuss / discuss. */
export const STANCES = ["asserts", "denies", "reports", "declines_to_clarify"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = {
  asserts: "asserts",
  denies: "denies",
  reports: "reports",
  declines_to_clarify: "declines to clarify",
};

/** How the source names the actor: by name, as an unnamed source, or only "reportedly". */
export const SOURCINGS = ["named", "unnamed", "reportedly"] as const;
export type Sourcing = (typeof SOURCINGS)[number];

export const ACTOR_KINDS = ["person", "government", "organisation", "news_outlet", "unnamed_source"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: "person",
  government: "government",
  organisation: "organisation",
  news_outlet: "news outlet",
  unnamed_source: "unnamed source",
};

/** Whether the actor really said what the source attributes to them. */
export const ACCURACIES = [
  "unchecked",
  "confirmed_by_primary_source",
  "unconfirmed",
  "disputed",
  "misattributed",
] as const;
export type Accuracy = (typeof ACCURACIES)[number];
export const ACCURACY_LABELS: Record<Accuracy, string> = {
  unchecked: "unchecked",
  confirmed_by_primary_source: "confirmed by primary source",
  unconfirmed: "unconfirmed",
  disputed: "disputed",
  misattributed: "misattributed",
};

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => mustBeOneOf(values, issue.input) });
}

export const stanceSchema = oneOf(STANCES);
export const sourcingSchema = oneOf(SOURCINGS);
export const actorKindSchema = oneOf(ACTOR_KINDS);
export const accuracySchema = oneOf(ACCURACIES);

/** Label for any vocabulary value, falling back to the value with underscores spaced. */
export function humanise(value: string): string {
  return value.replace(/_/g, " ");
}
