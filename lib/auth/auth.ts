import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { prisma } from "@/lib/db/prisma";
import { databaseKindOf, env, localDataDir } from "@/lib/env";
import { accessControl, authRoles } from "@/lib/auth/access-control";
import { loadAuthSecret } from "@/lib/auth/secret";
import { decideSignInAttempt, SIGN_IN_WINDOW_SECONDS, waitForSignIn } from "@/lib/auth/sign-in-limit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

export const MIN_PASSWORD_LENGTH = 12;

/** The longest value each account field takes, whichever endpoint receives it. */
export const ACCOUNT_FIELD_LIMITS = { name: 100, email: 254, password: 128, currentPassword: 128, newPassword: 128 } as const;

/** The first field of an auth request body over its limit, if any. */
function overlongAccountField(body: unknown): { field: string; max: number } | null {
  if (typeof body !== "object" || body === null) return null;
  for (const [field, max] of Object.entries(ACCOUNT_FIELD_LIMITS)) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === "string" && value.length > max) return { field, max };
  }
  return null;
}

const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;

/**
 * better-auth: e-mail and password accounts created by an admin (no public sign-up),
 * sessions in the database, roles through its admin plugin, sign-in rate-limited per
 * client and per account. Secrets live beside the database (lib/auth/secret.ts).
 */
export const auth = betterAuth({
  appName: "Claimtrail",
  baseURL,
  trustedOrigins: [baseURL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  secret: loadAuthSecret(localDataDir(), env.BETTER_AUTH_SECRET),
  database: prismaAdapter(prisma, { provider: databaseKindOf(env.DATABASE_URL), transaction: true }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: ACCOUNT_FIELD_LIMITS.password },
  // Set by an admin's password reset (lib/users/passwords.ts); comes with every session.
  user: { additionalFields: { mustChangePassword: { type: "boolean", defaultValue: false, input: false } } },
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 300,
    customRules: { "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: env.AUTH_SIGN_IN_MAX_ATTEMPTS } },
  },
  telemetry: { enabled: false },
  // Nobody edits their own profile through better-auth: a display name is how notes and
  // verdicts say who wrote them, so only admins set it (lib/users/admin.ts, which refuses
  // a name that is another account's e-mail or name). "/update-user" let a viewer call
  // themselves "admin@…" or store a 20 MB name (issue 11).
  disabledPaths: ["/sign-up/email", "/admin/impersonate-user", "/admin/stop-impersonating", "/update-user", "/change-email", "/admin/update-user"],
  advanced: {
    // Vitest sets NODE_ENV=test, which would switch better-auth's origin checks off.
    disableOriginCheck: false,
    // The address Claimtrail's server stamps from the socket (lib/http/client-address.ts), never X-Forwarded-For as the client wrote it.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const tooLong = overlongAccountField(ctx.body);
      if (tooLong) throw new APIError("BAD_REQUEST", { message: `${tooLong.field} must be at most ${tooLong.max} characters.` });
      if (ctx.path !== "/sign-in/email") return;
      const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
      if (!email) return;
      const decision = await decideSignInAttempt(email, ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
      if (!decision.allowed) {
        throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts for this account from here. Wait a minute and try again." });
      }
      await waitForSignIn(decision);
    }),
  },
  plugins: [
    admin({ ac: accessControl, roles: authRoles, defaultRole: "viewer", adminRoles: ["admin"] }),
    // Must be last: lets Server Actions set the session cookie.
    nextCookies(),
  ],
});
