"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/http/action";
import { createSource } from "@/lib/sources/mutations";
import { sourceInputSchema } from "@/lib/sources/schemas";
import { sourceDetailsFromForm } from "@/lib/sources/source-form";

/** Paste a new article: stored as a snapshot, then opened in the reader to pick quotes. */
export const createSourceAction = defineAction(
  {
    permission: "edit",
    schema: sourceInputSchema,
    fromForm: (form) => ({
      ...sourceDetailsFromForm(form),
      // Browsers send textarea line breaks as CRLF; store the text as the user sees it.
      text: formText(form, "text")?.replace(/\r\n/g, "\n"),
    }),
  },
  async (input, user) => {
    const source = await createSource(user, input);
    revalidatePath("/sources");
    redirect(`/sources/${source.id}`);
  },
);
