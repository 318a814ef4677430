import { z } from "zod";
import { versionSchema } from "@/lib/claims/schemas";
import { optionalTextSchema, requiredTextSchema } from "@/lib/text/text-schema";
import { actorKindSchema } from "@/lib/vocabulary/terms";

const actorName = requiredTextSchema(200);

/**
 * A correction of an actor: its name, kind, role and the other spellings it goes by. The
 * aliases given replace the stored ones; a name or alias that is already someone else's
 * is refused (merge the two actors instead).
 */
export const actorEditSchema = z.object({
  name: actorName,
  kind: actorKindSchema,
  role: optionalTextSchema(200).transform((v) => v ?? null),
  aliases: z.array(actorName).max(50, { error: "can have at most 50 aliases" }).default([]),
  version: versionSchema,
});
export type ActorEdit = z.output<typeof actorEditSchema>;

/**
 * Merge this actor into another (`into`): two spellings of one actor become one. Both
 * versions are checked, so neither was changed since the user looked.
 */
export const actorMergeSchema = z.object({
  into: z.number({ error: "must be an actor id" }).int().positive({ error: "must be an actor id" }),
  version: versionSchema,
  intoVersion: versionSchema,
});
export type ActorMerge = z.output<typeof actorMergeSchema>;
