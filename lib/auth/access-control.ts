import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";

/**
 * The roles as better-auth's admin plugin knows them. Only `admin` may use its user
 * management endpoints; Claimtrail's own permissions are in lib/auth/roles.ts.
 */
const statement = { ...defaultStatements } as const;
export const accessControl = createAccessControl(statement);
export const authRoles = {
  viewer: accessControl.newRole({}),
  fact_checker: accessControl.newRole({}),
  admin: accessControl.newRole({ ...adminAc.statements }),
};
