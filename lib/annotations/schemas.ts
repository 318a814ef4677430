import { z } from "zod";
import { overwriteSchema } from "@/lib/claims/schemas";

const body = z.string().trim().min(1, { error: "is required" }).max(10_000, { error: "must be at most 10,000 characters" });
const optionalId = z.number({ error: "must be an id" }).int().positive({ error: "must be an id" }).optional().nullable().transform((v) => v ?? undefined);

export const annotationInputSchema = z.object({ body, attributionId: optionalId, parentId: optionalId });
export type AnnotationInput = { body: string; attributionId?: number; parentId?: number };

export const annotationEditSchema = z.object({ body, version: z.number({ error: "must be the version you edited" }).int().positive(), overwrite: overwriteSchema });
export type AnnotationEdit = z.output<typeof annotationEditSchema>;
