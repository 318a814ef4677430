import { env } from "@/lib/env";
import { roleCan, ROLE_LABELS, type CurrentUser, type Permission } from "@/lib/auth/roles";

export type Authorization = { ok: true; user: CurrentUser | null } | { ok: false; status: 401 | 403; message: string };

const NEEDS: Record<Permission, string> = {
  read: "read claims",
  account: "manage your account",
  edit: "edit claims, sources and verdicts (fact-checker or admin)",
  admin: "manage users and vocabularies (admin)",
};

/**
 * The one rule for every page, action and route: reading is open unless READ_ACCESS=login;
 * everything else needs a signed-in user whose role grants the permission, and who is not
 * still on a temporary password from an admin's reset (only their account page is open).
 */
export function authorize(user: CurrentUser | null, permission: Permission): Authorization {
  if (permission === "read" && env.READ_ACCESS === "public") return { ok: true, user };
  if (!user) return { ok: false, status: 401, message: `Sign in (or send an API token) to ${NEEDS[permission]}.` };
  if (!roleCan(user.role, permission)) {
    return { ok: false, status: 403, message: `Your role (${ROLE_LABELS[user.role]}) may not ${NEEDS[permission]}.` };
  }
  if (user.mustChangePassword && permission !== "account") {
    return { ok: false, status: 403, message: "An administrator reset your password: choose a new one on your account page first." };
  }
  return { ok: true, user };
}
