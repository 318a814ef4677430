"use client";

import { createAuthClient } from "better-auth/react";

/**
 * The browser side of better-auth, used only to sign in and out. Sign-in goes over HTTP
 * to /api/auth so that better-auth's rate limiter sees every attempt.
 */
export const authClient = createAuthClient();
