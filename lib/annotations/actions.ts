"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addAnnotation, deleteAnnotation, editAnnotation } from "@/lib/annotations/mutations";
import { annotationEditSchema, annotationInputSchema } from "@/lib/annotations/schemas";
import { defineAction, formNumber, formText, formVersion } from "@/lib/http/action";

const id = z.number({ error: "is missing" }).int().positive();

export const addAnnotationAction = defineAction(
  {
    permission: "edit",
    schema: annotationInputSchema.extend({ claimId: id }),
    fromForm: (form) => ({
      claimId: formNumber(form, "claimId"),
      body: formText(form, "body"),
      attributionId: formNumber(form, "attributionId"),
      parentId: formNumber(form, "parentId"),
    }),
  },
  async (input, user) => {
    const annotation = await addAnnotation(user, input.claimId, input);
    revalidatePath(`/claims/${input.claimId}`);
    return { status: "success", message: "Note added.", data: { id: annotation.id } };
  },
);

export const editAnnotationAction = defineAction(
  {
    permission: "edit",
    schema: annotationEditSchema.extend({ annotationId: id }),
    fromForm: (form) => ({ annotationId: formNumber(form, "annotationId"), body: formText(form, "body"), ...formVersion(form) }),
  },
  async (input, user) => {
    const annotation = await editAnnotation(user, input.annotationId, input);
    revalidatePath(`/claims/${annotation.claimId}`);
    return { status: "success", message: "Note saved." };
  },
);

export const deleteAnnotationAction = defineAction(
  { permission: "edit", schema: z.object({ annotationId: id }), fromForm: (form) => ({ annotationId: formNumber(form, "annotationId") }) },
  async (input, user) => {
    const result = await deleteAnnotation(user, input.annotationId);
    revalidatePath(`/claims/${result.claimId}`);
    return { status: "success", message: "Note deleted." };
  },
);
