"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attributionFromForm } from "@/lib/claims/attribution-form";
import { removeAttribution, updateAttribution } from "@/lib/claims/attribution-corrections";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { attributionEditSchema, claimDeleteSchema, versionOnlySchema } from "@/lib/claims/schemas";
import { defineAction, formNumber, formText } from "@/lib/http/action";

const id = z.number({ error: "is missing" }).int().positive();
const withLf = (value: string | undefined) => value?.replace(/\r\n/g, "\n");

/**
 * "Correct this attribution". The form carries the stored quote and its offsets; when the
 * user leaves the quote as it was, those offsets go with it (the same passage, even if the
 * words occur twice); when they change it, the new words must occur once in the article,
 * or come with the offsets of the article's words they took from a suggestion.
 */
export const editAttributionAction = defineAction(
  {
    permission: "edit",
    schema: attributionEditSchema.safeExtend({ attributionId: id, claimId: id }),
    fromForm: (form) => {
      const fields = attributionFromForm(form);
      const quote = withLf(fields.quote);
      const samePlace = quote === withLf(formText(form, "originalQuote"));
      return {
        ...fields,
        quote,
        quoteStart: samePlace ? (formNumber(form, "originalStart") ?? null) : fields.quoteStart,
        quoteEnd: samePlace ? (formNumber(form, "originalEnd") ?? null) : fields.quoteEnd,
        attributionId: formNumber(form, "attributionId"),
        claimId: formNumber(form, "claimId"),
        version: formNumber(form, "version"),
      };
    },
  },
  async (input, user) => {
    await updateAttribution(user, input.attributionId, input);
    revalidatePath(`/claims/${input.claimId}`);
    redirect(`/claims/${input.claimId}#attribution-${input.attributionId}`);
  },
);

export const removeAttributionAction = defineAction(
  {
    permission: "edit",
    schema: versionOnlySchema.extend({ attributionId: id }),
    fromForm: (form) => ({ attributionId: formNumber(form, "attributionId"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    const removed = await removeAttribution(user, input.attributionId, input.version);
    revalidatePath(`/claims/${removed.claimId}`);
    redirect(`/claims/${removed.claimId}#attributions-heading`);
  },
);

/** An admin deletes a claim; its address then shows the tombstone. */
export const deleteClaimAction = defineAction(
  {
    permission: "admin",
    schema: claimDeleteSchema.extend({ claimId: id }),
    fromForm: (form) => ({ claimId: formNumber(form, "claimId"), reason: formText(form, "reason"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    await deleteClaim(user, input.claimId, input);
    revalidatePath("/claims");
    redirect(`/claims/${input.claimId}`);
  },
);
