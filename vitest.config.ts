import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Integration files that run again on PostgreSQL when TEST_POSTGRES_URL is set
 * (docs/decisions/048), plus the PostgreSQL-only ones in tests/postgresql/. The other
 * integration files stay on SQLite alone, each for a reason:
 * - the SQLite file itself: backup-restore, archive (reads the file), write-failures
 *   (max_page_count stands in for a full disk), cross-process-writes (SQLite's write lock),
 *   search-triggers and synthetic (FTS5 tables, sqlite_master, the better-sqlite3 loader);
 * - commands run on a copied database file (copyDatabase + runScript): cli-fresh-database,
 *   command-line-help, display-names, import-cli, import-close-quotes, import-crash,
 *   import-large, users-set-password, round-trip.property.
 * Each can be ported by giving its helper a PostgreSQL form; none tests PostgreSQL-only code.
 */
const POSTGRES_FILES = [
  "tests/integration/broad-filters-by-page.test.ts",
  "tests/integration/claim-merge.test.ts",
  "tests/integration/claim-review-schema.test.ts",
  "tests/integration/claim-search.test.ts",
  "tests/integration/claim-table-rows.test.ts",
  "tests/integration/claim-totals.test.ts",
  "tests/integration/conditional-requests.test.ts",
  "tests/integration/concurrent-writes.test.ts",
  "tests/integration/consistency-check.test.ts",
  "tests/integration/control-characters.test.ts",
  "tests/integration/date-range-totals.test.ts",
  "tests/integration/corrections-api.test.ts",
  "tests/integration/dashboard.test.ts",
  "tests/integration/export-files.test.ts",
  "tests/integration/export-notes-history.test.ts",
  "tests/integration/export-stream.test.ts",
  "tests/integration/facet-counts.test.ts",
  "tests/integration/fuzz-api.test.ts",
  "tests/integration/fuzz-import.test.ts",
  "tests/integration/import-actions.test.ts",
  "tests/integration/import-attributions.test.ts",
  "tests/integration/import-claim-ids.test.ts",
  "tests/integration/import-rebuild.test.ts",
  "tests/integration/json-body.test.ts",
  "tests/integration/openapi.test.ts",
  "tests/integration/quote-suggestions.test.ts",
  "tests/integration/ranked-search-kept.test.ts",
  "tests/integration/read-api.test.ts",
  "tests/integration/review-workflow.test.ts",
  "tests/integration/role-matrix.test.ts",
  "tests/integration/same-messages.test.ts",
  "tests/integration/search-with-filters.test.ts",
  "tests/integration/seed.test.ts",
  "tests/integration/sign-in-limit.test.ts",
  "tests/integration/similar-claims-api.test.ts",
  "tests/integration/similar-claims-quality.test.ts",
  "tests/integration/sitemap.test.ts",
  "tests/integration/sort-order.test.ts",
  "tests/integration/stance-matrix.test.ts",
  "tests/integration/sync.test.ts",
  "tests/integration/transaction-isolation.test.ts",
  "tests/postgresql/**/*.test.ts",
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
