import { createApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { createUserAccount } from "@/lib/users/admin";

let counter = 0;

/** A new account of the given role with an API token, for tests that act as that role. */
export async function createUserWithToken(role: Role) {
  counter += 1;
  const email = `${role}-${counter}-${process.pid}@tests.claimtrail`;
  const user = await createUserAccount(null, { email, role, password: "a-long-test-password", name: `${role} ${counter}` });
  const { token } = await createApiToken(user.id, "tests");
  return { id: user.id, email, role, token };
}
