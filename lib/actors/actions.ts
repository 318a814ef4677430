"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requiredTextSchema } from "@/lib/text/text-schema";
import { prisma } from "@/lib/db/prisma";
import { fieldError } from "@/lib/errors";
import { defineAction, formLines, formNumber, formText } from "@/lib/http/action";
import { findActorByNameOrAlias } from "@/lib/actors/resolve-actor";
import { mergeActors, updateActor } from "@/lib/actors/corrections";
import { actorEditSchema } from "@/lib/actors/schemas";
import { versionSchema } from "@/lib/claims/schemas";

const id = z.number({ error: "is missing" }).int().positive();

export const updateActorAction = defineAction(
  {
    permission: "edit",
    schema: actorEditSchema.extend({ actorId: id }),
    fromForm: (form) => ({
      actorId: formNumber(form, "actorId"),
      name: formText(form, "name"),
      kind: formText(form, "kind"),
      role: formText(form, "role"),
      aliases: formLines(form, "aliases"),
      version: formNumber(form, "version"),
    }),
  },
  async (input, user) => {
    await updateActor(user, input.actorId, input);
    revalidatePath(`/actors/${input.actorId}`);
    return { status: "success", message: "Actor saved." };
  },
);

/**
 * "Merge into another actor", chosen by name or alias. The form knows only this actor's
 * version; the other actor's is read when the name is resolved, so a change to it after
 * that moment is still refused.
 */
export const mergeActorAction = defineAction(
  {
    permission: "edit",
    schema: z.object({ actorId: id, into: requiredTextSchema(200, 1, "is required: the name of the actor to keep"), version: versionSchema }),
    fromForm: (form) => ({ actorId: formNumber(form, "actorId"), into: formText(form, "into"), version: formNumber(form, "version") }),
  },
  async (input, user) => {
    const target = await findActorByNameOrAlias(prisma, input.into);
    if (!target) throw fieldError("into", `no actor is called "${input.into}"`);
    const { version: intoVersion } = await prisma.actor.findUniqueOrThrow({ where: { id: target.id }, select: { version: true } });
    await mergeActors(user, input.actorId, { into: target.id, version: input.version, intoVersion });
    revalidatePath("/actors");
    redirect(`/actors/${target.id}`);
  },
);
