"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { defineAction } from "@/lib/http/action";
import { describeSummary } from "@/lib/import/describe";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/import/limits";
import { checkImport, runImport, type ImportFile } from "@/lib/import/run-import";

/**
 * The two steps of /import. Both need the "edit" permission (fact-checker or admin) and
 * both read the uploaded file from scratch: "Import" checks everything again inside its
 * transaction and never relies on what "Check" showed.
 */

const uploadSchema = z.object({
  file: z
    .file({ error: "choose a CSV file to upload" })
    .min(1, { error: "the file is empty" })
    .max(MAX_IMPORT_BYTES, { error: `the file must be at most ${MAX_IMPORT_LABEL}` }),
});

/** The close quotes a person accepted on the page (closeQuoteKey values of the ticked boxes). */
const acceptedSchema = z.array(z.string().regex(/^\d+:\d+:\d+$/, { error: "is not a close quote of this file" })).max(100_000);

const fromForm = (form: FormData) => ({ file: form.get("file") });

async function toImportFile(file: File): Promise<ImportFile> {
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || "upload.csv" };
}

export const checkImportAction = defineAction({ permission: "edit", schema: uploadSchema, fromForm }, async ({ file }) => {
  const report = await checkImport(prisma, await toImportFile(file));
  const message = report.ok
    ? `${report.fileName} can be imported: ${describeSummary(report.summary!, false)}.`
    : `${report.fileName} has ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}. Fix them and check again; nothing was imported.`;
  return { status: "success", message, data: { report } };
});

export const runImportAction = defineAction(
  { permission: "edit", schema: uploadSchema.extend({ acceptQuote: acceptedSchema }), fromForm: (form) => ({ ...fromForm(form), acceptQuote: form.getAll("acceptQuote") }) },
  async ({ file, acceptQuote }, user) => {
    const report = await runImport(prisma, await toImportFile(file), { userId: user.id, acceptCloseQuotes: acceptQuote });
    if (!report.committed) {
      // Refused: the report (every problem) rides along for the form to show.
      return { status: "error", message: `Nothing was imported: ${report.fileName} has ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}.`, httpStatus: 400, current: { report } };
    }
    revalidatePath("/claims");
    revalidatePath("/");
    return { status: "success", message: `Imported ${report.fileName}: ${describeSummary(report.summary!, true)}.`, data: { report } };
  },
);
