"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { mergeClaim } from "@/lib/claims/merge-claim";
import { claimMergeSchema } from "@/lib/claims/schemas";
import { defineAction, formNumber, formText } from "@/lib/http/action";

const id = z.number({ error: "is missing" }).int().positive();

/** The merge form on /claims/[id]/merge: this claim into `into`; then the survivor's page. */
export const mergeClaimAction = defineAction(
  {
    permission: "edit",
    schema: claimMergeSchema.extend({ claimId: id }),
    fromForm: (form) => ({
      claimId: formNumber(form, "claimId"),
      into: formNumber(form, "into"),
      rationale: formText(form, "rationale"),
      // Asked only when the two verdicts differ; absent otherwise.
      verdict: formText(form, "verdict") || undefined,
      version: formNumber(form, "version"),
    }),
  },
  async (input, user) => {
    await mergeClaim(user, input.claimId, input);
    revalidatePath("/claims");
    revalidatePath(`/claims/${input.into}`);
    redirect(`/claims/${input.into}`);
  },
);
