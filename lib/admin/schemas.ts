import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { optionalTextSchema, requiredTextSchema } from "@/lib/text/text-schema";

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/, { error: "use lower-case letters, digits, - or _ (e.g. partly_false)" })
  .max(50);
const label = requiredTextSchema(100);

export const statusDefinitionSchema = z.object({
  label,
  description: requiredTextSchema(500),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a colour like #1d4ed8" }),
  isFinal: z.boolean(),
  ratingValue: z.number().int().min(1, { error: "must be 1 to 5" }).max(5, { error: "must be 1 to 5" }).nullable(),
  sortOrder: z.number({ error: "must be a number" }).int().min(0).max(1000),
});
export const newStatusSchema = statusDefinitionSchema.extend({ key });
export type StatusDefinitionInput = z.output<typeof statusDefinitionSchema>;

export const topicDefinitionSchema = z.object({ label, description: optionalTextSchema(500).transform((v) => v ?? null) });
export const newTopicSchema = topicDefinitionSchema.extend({ key: z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "use lower-case letters, digits and - (e.g. troop-deaths)" }).max(60) });

export const newUserSchema = z.object({
  email: z.email({ error: "must be an e-mail address" }),
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: z.string().min(1, { error: "is required" }),
});
