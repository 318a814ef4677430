import "server-only";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { userFromBearerToken } from "@/lib/auth/api-tokens";
import { parseRole, type CurrentUser } from "@/lib/auth/roles";

type UserRow = { id: string; email: string; name: string; role?: string | null; banned?: boolean | null; mustChangePassword?: boolean | null };

function toCurrentUser(user: UserRow | null | undefined): CurrentUser | null {
  if (!user || user.banned) return null;
  return { id: user.id, email: user.email, name: user.name, role: parseRole(user.role), mustChangePassword: user.mustChangePassword === true };
}

/** The signed-in user of a request, from a Bearer token or the session cookie. */
export async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  if (requestHeaders.get("authorization")) {
    // A request that presents a token is judged by the token alone.
    return toCurrentUser(await userFromBearerToken(requestHeaders.get("authorization")));
  }
  const session = await auth.api.getSession({ headers: requestHeaders });
  return toCurrentUser(session?.user);
}

/** The signed-in user in a Server Component or Server Action. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return userFromHeaders(await headers());
}
