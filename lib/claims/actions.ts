"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attributionFromForm } from "@/lib/claims/attribution-form";
import { addAttribution, createClaim, updateClaim } from "@/lib/claims/mutations";
import { attributionInputSchema, claimEditSchema, claimInputSchema } from "@/lib/claims/schemas";
import { defineAction, formNumber, formText } from "@/lib/http/action";

const id = z.number({ error: "is missing" }).int().positive();
const chosenClaim = z.number({ error: "choose the claim: pick one quoted in this article, or search for its words" }).int().positive();

/** "New claim from this quote": the claim in neutral words plus its first attribution. */
export const createClaimAction = defineAction(
  {
    permission: "edit",
    schema: claimInputSchema,
    fromForm: (form) => ({ text: formText(form, "text"), topic: formText(form, "topic"), attributions: [attributionFromForm(form)] }),
  },
  async (input, user) => {
    const claim = await createClaim(user, input);
    revalidatePath("/claims");
    redirect(`/claims/${claim.id}`);
  },
);

/** "Add attribution to an existing claim". */
export const addAttributionAction = defineAction(
  {
    permission: "edit",
    schema: attributionInputSchema.safeExtend({ claimId: chosenClaim }),
    fromForm: (form) => ({ ...attributionFromForm(form), claimId: formNumber(form, "claimId") }),
  },
  async (input, user) => {
    const attribution = await addAttribution(user, input.claimId, input);
    revalidatePath(`/claims/${input.claimId}`);
    redirect(`/claims/${input.claimId}#attribution-${attribution.id}`);
  },
);

export const updateClaimAction = defineAction(
  {
    permission: "edit",
    schema: claimEditSchema.extend({ claimId: id }),
    fromForm: (form) => ({ claimId: formNumber(form, "claimId"), text: formText(form, "text"), topic: formText(form, "topic"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    await updateClaim(user, input.claimId, input);
    revalidatePath(`/claims/${input.claimId}`);
    return { status: "success", message: "Claim saved." };
  },
);
