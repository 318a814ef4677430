import type { ClaimRecord } from "@/lib/claims/records";

/** One row of the claim table: only what the table shows, as plain data for a client component. */
export type ClaimRow = {
  id: number;
  text: string;
  topic: string;
  status: { label: string; colour: string };
  contested: boolean;
  asserted: string[];
  denied: string[];
  via: string[];
  sources: number;
  updatedAt: string;
};

const unique = (values: string[]) => [...new Set(values)];

export function toClaimRow(claim: ClaimRecord): ClaimRow {
  return {
    id: claim.id,
    text: claim.text,
    topic: claim.topic.label,
    status: { label: claim.status.label, colour: claim.status.colour },
    contested: claim.contested,
    asserted: unique(claim.attributions.filter((a) => a.stance === "asserts").map((a) => a.actor.name)),
    denied: unique(claim.attributions.filter((a) => a.stance === "denies").map((a) => a.actor.name)),
    via: unique(claim.attributions.flatMap((a) => a.via.map((v) => v.name))),
    sources: claim.sourceCount,
    updatedAt: claim.updatedAt,
  };
}
