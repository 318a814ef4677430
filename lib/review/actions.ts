"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setAttributionAccuracy, setClaimStatus } from "@/lib/claims/mutations";
import { accuracyChangeSchema, statusChangeSchema } from "@/lib/claims/schemas";
import { defineAction, formLines, formNumber, formText, formVersion } from "@/lib/http/action";

const id = z.number({ error: "is missing" }).int().positive();

/** A fact-checker sets a claim's verdict, with a rationale and evidence links (one per line). */
export const setStatusAction = defineAction(
  {
    permission: "edit",
    schema: statusChangeSchema.extend({ claimId: id }),
    fromForm: (form) => ({
      claimId: formNumber(form, "claimId"),
      status: formText(form, "status"),
      rationale: formText(form, "rationale"),
      evidence: formLines(form, "evidence"),
      ...formVersion(form),
    }),
  },
  async (input, user) => {
    await setClaimStatus(user, input.claimId, input);
    revalidatePath(`/claims/${input.claimId}`);
    return { status: "success", message: "Verdict saved." };
  },
);

/** A fact-checker marks whether the actor really said what the source attributes to them. */
export const setAccuracyAction = defineAction(
  {
    permission: "edit",
    schema: accuracyChangeSchema.extend({ attributionId: id }),
    fromForm: (form) => ({
      attributionId: formNumber(form, "attributionId"),
      accuracy: formText(form, "accuracy"),
      rationale: formText(form, "rationale"),
      ...formVersion(form),
    }),
  },
  async (input, user) => {
    const result = await setAttributionAccuracy(user, input.attributionId, input);
    revalidatePath(`/claims/${result.claimId}`);
    return { status: "success", message: "Accuracy saved." };
  },
);
