"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, formNumber, formText } from "@/lib/http/action";
import { setSourceText, updateSourceDetails } from "@/lib/sources/corrections";
import { sourceDetailsFromForm } from "@/lib/sources/source-form";
import { sourceDetailsSchema, sourceTextSchema } from "@/lib/sources/schemas";

const id = z.number({ error: "is missing" }).int().positive();

export const updateSourceDetailsAction = defineAction(
  {
    permission: "edit",
    schema: sourceDetailsSchema.extend({ sourceId: id }),
    fromForm: (form) => ({ ...sourceDetailsFromForm(form), sourceId: formNumber(form, "sourceId"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    await updateSourceDetails(user, input.sourceId, input);
    revalidatePath(`/sources/${input.sourceId}`);
    return { status: "success", message: "Source details saved." };
  },
);

/** Add or replace the article text; the source page then lists what became of its quotes. */
export const setSourceTextAction = defineAction(
  {
    permission: "edit",
    schema: sourceTextSchema.extend({ sourceId: id }),
    fromForm: (form) => ({ text: formText(form, "text")?.replace(/\r\n/g, "\n"), sourceId: formNumber(form, "sourceId"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    await setSourceText(user, input.sourceId, input);
    revalidatePath(`/sources/${input.sourceId}`);
    redirect(`/sources/${input.sourceId}#reanchored`);
  },
);
