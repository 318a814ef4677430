"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineAction, formText } from "@/lib/http/action";
import { changeOwnPassword, setUserPassword, temporaryPassword } from "@/lib/users/passwords";

/** /account: the signed-in user changes their password; their other sessions end. */
export const changePasswordAction = defineAction(
  {
    permission: "account",
    schema: z.object({ currentPassword: z.string().min(1, { error: "is required" }), newPassword: z.string().min(1, { error: "is required" }) }),
    fromForm: (form) => ({ currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword") }),
  },
  async (input, user) => {
    await changeOwnPassword(user.id, await headers(), input);
    revalidatePath("/", "layout");
    return { status: "success", message: "Password changed. Your other sessions are signed out." };
  },
);

/**
 * /admin/users: an admin resets someone's password to a temporary one, shown once; the
 * user is signed out everywhere and must choose a new password when they next sign in.
 */
export const resetPasswordAction = defineAction(
  { permission: "admin", schema: z.object({ userId: z.string().min(1) }), fromForm: (form) => ({ userId: formText(form, "userId") }) },
  async (input, admin) => {
    if (input.userId === admin.id) return { status: "error", message: "Change your own password on your account page.", httpStatus: 400 };
    const password = temporaryPassword();
    const user = await setUserPassword(admin.id, input.userId, password, { mustChange: true });
    revalidatePath("/admin/users");
    return {
      status: "success",
      message: `${user.email} is signed out and must choose a new password when signing in with this temporary one (shown only now).`,
      data: { password },
    };
  },
);
