import "server-only";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { prisma } from "@/lib/db/prisma";
import { env, sqliteFilePath } from "@/lib/env";
import { accessControl, authRoles } from "@/lib/auth/access-control";
import { loadAuthSecret } from "@/lib/auth/secret";
import { allowSignInAttempt, SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/sign-in-limit";

export const MIN_PASSWORD_LENGTH = 12;

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
  secret: loadAuthSecret(path.dirname(sqliteFilePath(env.DATABASE_URL)), env.BETTER_AUTH_SECRET),
  database: prismaAdapter(prisma, { provider: "sqlite", transaction: true }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 300,
    customRules: { "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: env.AUTH_SIGN_IN_MAX_ATTEMPTS } },
  },
  telemetry: { enabled: false },
  disabledPaths: ["/sign-up/email", "/admin/impersonate-user", "/admin/stop-impersonating"],
  // Vitest sets NODE_ENV=test, which would switch better-auth's origin checks off.
  advanced: { disableOriginCheck: false },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-in/email") return;
      const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
      if (email && !(await allowSignInAttempt(email))) {
        throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts for this account. Wait a minute and try again." });
      }
    }),
  },
  plugins: [
    admin({ ac: accessControl, roles: authRoles, defaultRole: "viewer", adminRoles: ["admin"] }),
    // Must be last: lets Server Actions set the session cookie.
    nextCookies(),
  ],
});
