/** Where the main browser-test server runs and keeps its data (read by playwright.config.ts and the tests). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/** Folder for the test server's database; E2E_DIR lets parallel runs keep apart. */
export const E2E_DIR = process.env.E2E_DIR ?? ".tmp/e2e";
export const DATABASE_FILE = `${E2E_DIR}/claimtrail.db`;
/**
 * The test server's database: the SQLite file above, or the PostgreSQL database named by
 * E2E_DATABASE_URL (`npm run test:browser:postgresql`, which recreates it empty first).
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./${DATABASE_FILE}`;

/** How the main test server publishes itself: set in its environment, so tests can tell these from request headers. */
export const PUBLISHING = {
  PUBLIC_URL: "https://claims.example.test",
  ORGANISATION_NAME: "Example Fact Check",
  ORGANISATION_URL: "https://factcheck.example.test/",
} as const;

/**
 * Load shedding for the expected wait and event-loop delay switched off (the in-flight limit stays):
 * on a shared, busy test machine a page would otherwise be turned away for being slow,
 * which is what shedding is for but not what the journeys test.
 */
export const NO_LATENCY_SHEDDING = { SHED_QUEUE_MS: "600000", SHED_EVENT_LOOP_DELAY_MS: "60000" } as const;
