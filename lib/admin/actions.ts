"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { newStatusSchema, newTopicSchema, newUserSchema, statusDefinitionSchema, topicDefinitionSchema } from "@/lib/admin/schemas";
import { createStatus, createTopic, updateStatus, updateTopic } from "@/lib/admin/vocabulary-mutations";
import { roleSchema } from "@/lib/auth/roles";
import { defineAction, formNumber, formText } from "@/lib/http/action";
import { createUserAccount, disableUser, enableUser, setUserRole } from "@/lib/users/admin";

const statusFromForm = (form: FormData) => ({
  key: formText(form, "key"),
  label: formText(form, "label"),
  description: formText(form, "description"),
  colour: formText(form, "colour"),
  isFinal: form.get("isFinal") === "on",
  ratingValue: formNumber(form, "ratingValue") ?? null,
  sortOrder: formNumber(form, "sortOrder") ?? 0,
});

export const createUserAction = defineAction(
  { permission: "admin", schema: newUserSchema, fromForm: (form) => ({ email: formText(form, "email"), name: formText(form, "name"), role: formText(form, "role"), password: formText(form, "password") }) },
  async (input, user) => {
    const created = await createUserAccount(user.id, input);
    revalidatePath("/admin/users");
    return { status: "success", message: `Created ${created.email} (${created.role}).` };
  },
);

export const setRoleAction = defineAction(
  { permission: "admin", schema: z.object({ userId: z.string().min(1), role: roleSchema }), fromForm: (form) => ({ userId: formText(form, "userId"), role: formText(form, "role") }) },
  async (input, user) => {
    if (input.userId === user.id && input.role !== "admin") {
      return { status: "error", message: "You cannot take away your own admin role; ask another admin.", httpStatus: 400 };
    }
    const changed = await setUserRole(user.id, input.userId, input.role);
    revalidatePath("/admin/users");
    return { status: "success", message: `${changed.email} is now ${input.role}.` };
  },
);

export const setDisabledAction = defineAction(
  { permission: "admin", schema: z.object({ userId: z.string().min(1), disabled: z.boolean() }), fromForm: (form) => ({ userId: formText(form, "userId"), disabled: formText(form, "disabled") === "true" }) },
  async (input, user) => {
    if (input.userId === user.id) return { status: "error", message: "You cannot disable your own account.", httpStatus: 400 };
    const changed = input.disabled ? await disableUser(user.id, input.userId) : await enableUser(user.id, input.userId);
    revalidatePath("/admin/users");
    return { status: "success", message: `${changed.email} is ${input.disabled ? "disabled" : "enabled"}.` };
  },
);

export const createStatusAction = defineAction({ permission: "admin", schema: newStatusSchema, fromForm: statusFromForm }, async (input, user) => {
  await createStatus(user, input);
  revalidatePath("/admin/statuses");
  return { status: "success", message: `Added the status “${input.label}”.` };
});

export const updateStatusAction = defineAction(
  { permission: "admin", schema: statusDefinitionSchema.extend({ key: z.string().min(1) }), fromForm: statusFromForm },
  async ({ key, ...input }, user) => {
    await updateStatus(user, key, input);
    revalidatePath("/admin/statuses");
    return { status: "success", message: `Saved “${input.label}”.` };
  },
);

export const createTopicAction = defineAction(
  { permission: "admin", schema: newTopicSchema, fromForm: (form) => ({ key: formText(form, "key"), label: formText(form, "label"), description: formText(form, "description") }) },
  async (input, user) => {
    await createTopic(user, input);
    revalidatePath("/admin/topics");
    return { status: "success", message: `Added the topic “${input.label}”.` };
  },
);

export const updateTopicAction = defineAction(
  { permission: "admin", schema: topicDefinitionSchema.extend({ key: z.string().min(1) }), fromForm: (form) => ({ key: formText(form, "key"), label: formText(form, "label"), description: formText(form, "description") }) },
  async ({ key, ...input }, user) => {
    await updateTopic(user, key, input);
    revalidatePath("/admin/topics");
    return { status: "success", message: `Saved “${input.label}”.` };
  },
);
