// The lint: Next's own rules (React, hooks, accessibility, Core Web Vitals), typescript-eslint's
// recommended set, and the layers of the codebase written as import rules, so a page that reads
// the database directly or a client component that pulls in server code fails `npm test`
// instead of waiting for review.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import layers from "./tools/lint/layers.js";

const reactHooksRules = nextVitals.flatMap((config) => Object.keys(config.rules ?? {})).filter((rule) => rule.startsWith("react-hooks/"));

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".tmp/**",
    "data/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // An unused variable or expression is a mistake in this codebase, not a style choice.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-unused-expressions": "error",
      // A disable that no longer disables anything is an error (and each one says why: tools/lint).
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // React lives only in app/ and components/. The React Compiler's checks (react-hooks 7)
    // are most of the lint's time, so the rest of the code base (lib/, tests, tools) skips
    // them: it has no components or hooks to check.
    ignores: ["app/**", "components/**"],
    rules: Object.fromEntries(reactHooksRules.map((rule) => [rule, "off"])),
  },
  {
    // One name pattern for the data layer's reads (docs/decisions/065): get = one record by
    // id, find = records by other criteria (may be none), list = a collection for a page or
    // the API, load = a view assembled from several reads.
    files: ["lib/**/queries.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportNamedDeclaration > FunctionDeclaration[id.name!=/^(get|find|list|load)[A-Z]/]",
          message: "A read function in a queries module is named get…, find…, list… or load… (docs/decisions/065).",
        },
      ],
    },
  },
  ...layers,
]);
