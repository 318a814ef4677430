import { z } from "zod";

/**
 * Who may do what. Reading and exporting are public unless READ_ACCESS=login; writing
 * claims, sources, attributions, verdicts and notes needs a fact-checker; managing users,
 * statuses and topics needs an admin. Pure, so client components can hide what a user
 * cannot do (the server still checks every request).
 */
export const ROLES = ["viewer", "fact_checker", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { error: `role must be one of: ${ROLES.join(", ")}` });

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", fact_checker: "Fact-checker", admin: "Admin" };

/** "account": manage one's own account (API tokens); any signed-in user. */
export type Permission = "read" | "account" | "edit" | "admin";

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["read", "account"],
  fact_checker: ["read", "account", "edit"],
  admin: ["read", "account", "edit", "admin"],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The role stored on a user row; anything unexpected is treated as the least privileged role. */
export function parseRole(value: string | null | undefined): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : "viewer";
}

/** `mustChangePassword`: signed in with a temporary password from an admin's reset. */
export type CurrentUser = { id: string; email: string; name: string; role: Role; mustChangePassword?: boolean };
