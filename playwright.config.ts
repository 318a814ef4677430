import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_DIR, E2E_PORT as PORT, NO_LATENCY_SHEDDING, PUBLISHING } from "./tests/e2e/support/e2e-env";

/*
 * Browser tests drive Debian's Chromium (never a downloaded browser) against the real
 * production server: `npm start` on a fresh database, which migrates, seeds, builds when
 * needed and serves `next start`.
 */

export default defineConfig({
  testDir: "tests/e2e",
  // Journeys that need PostgreSQL (several servers on one database) run only under `npm run test:browser:postgresql`.
  testIgnore: /^postgres(ql)?:\/\//.test(E2E_DATABASE_URL) ? [] : ["**/*.postgresql.spec.ts"],
  // One server and one database: tests run one at a time so that none sees another's writes mid-way.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: `${E2E_DIR}-results`,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A fresh database with the test accounts, then exactly what a user runs.
    command: `rm -rf ${E2E_DIR} && mkdir -p ${E2E_DIR} && npx tsx --conditions=react-server tests/e2e/support/fresh-postgres.ts && npx tsx --conditions=react-server tests/e2e/support/create-accounts.ts && npm start`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      // The journeys sign in many times from one address; the limiter itself is tested in tests/integration.
      AUTH_SIGN_IN_MAX_ATTEMPTS: "1000",
      // The journeys test what pages do, not how a busy machine is handled: no read is shed
      // for latency here (tests/e2e/processes.spec.ts saturates a server of its own).
      ...NO_LATENCY_SHEDDING,
      // A public address and an organisation unlike the server's own, so tests can tell where ClaimReview's come from.
      ...PUBLISHING,
    },
  },
});
