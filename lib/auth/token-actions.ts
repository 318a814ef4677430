"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requiredTextSchema } from "@/lib/text/text-schema";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { defineAction, formText } from "@/lib/http/action";

export const createTokenAction = defineAction(
  {
    permission: "account",
    schema: z.object({ name: requiredTextSchema(100) }),
    fromForm: (form) => ({ name: formText(form, "name") }),
  },
  async (input, user) => {
    const { id, token } = await createApiToken(user.id, input.name);
    await prisma.$transaction((tx) => recordAudit(tx, { userId: user.id, action: "create_token", entityType: "api_token", entityId: id, after: { name: input.name } }));
    revalidatePath("/account");
    // Shown once: only its hash is stored.
    return { status: "success", message: "Token created. Copy it now; it will not be shown again.", data: { token } };
  },
);

export const revokeTokenAction = defineAction(
  { permission: "account", schema: z.object({ tokenId: z.string().min(1) }), fromForm: (form) => ({ tokenId: formText(form, "tokenId") }) },
  async (input, user) => {
    if (!(await revokeApiToken(user.id, input.tokenId))) return { status: "error", message: "No such token of yours.", httpStatus: 404 };
    await prisma.$transaction((tx) => recordAudit(tx, { userId: user.id, action: "revoke_token", entityType: "api_token", entityId: input.tokenId }));
    revalidatePath("/account");
    return { status: "success", message: "Token revoked." };
  },
);
