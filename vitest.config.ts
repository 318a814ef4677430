import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Test files that run on PostgreSQL too, when TEST_POSTGRES_URL is set (docs/decisions/048).
 * The rest stay on SQLite alone; tests/setup/postgres-files.md lists each with its reason.
 */
const POSTGRES_FILES = [
  "tests/integration/claim-search.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server-only modules are what these tests exercise; outside Next the guard would throw.
      "server-only": path.resolve(import.meta.dirname, "tests/setup/empty-module.ts"),
    },
  },
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/database-per-file.ts"],
        },
      },
      ...(process.env.TEST_POSTGRES_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                include: POSTGRES_FILES,
                globalSetup: ["tests/setup/postgres-global-setup.ts"],
                setupFiles: ["tests/setup/postgres-per-file.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
