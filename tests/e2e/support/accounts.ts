/** Accounts the browser tests sign in with; created before the test server starts. */
export const ACCOUNTS = {
  admin: { email: "admin@claimtrail.test", password: "admin-password-for-tests", role: "admin" },
  factChecker: { email: "checker@claimtrail.test", password: "checker-password-for-tests", role: "fact_checker" },
  secondChecker: { email: "second@claimtrail.test", password: "second-password-for-tests", role: "fact_checker" },
  viewer: { email: "viewer@claimtrail.test", password: "viewer-password-for-tests", role: "viewer" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;
