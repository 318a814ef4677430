import { z } from "zod";
import { requiredTextSchema } from "@/lib/text/text-schema";
import { overwriteSchema } from "@/lib/claims/schemas";

const body = requiredTextSchema(10_000);
const optionalId = z.number({ error: "must be an id" }).int().positive({ error: "must be an id" }).optional().nullable().transform((v) => v ?? undefined);

export const annotationInputSchema = z.object({ body, attributionId: optionalId, parentId: optionalId });
export type AnnotationInput = { body: string; attributionId?: number; parentId?: number };

export const annotationEditSchema = z.object({ body, version: z.number({ error: "must be the version you edited" }).int().positive(), overwrite: overwriteSchema });
export type AnnotationEdit = z.output<typeof annotationEditSchema>;
