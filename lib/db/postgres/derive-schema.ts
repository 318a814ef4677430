/**
 * The PostgreSQL schema, derived from the one source of truth (prisma/schema.prisma).
 * Prisma fixes the provider per schema file, so PostgreSQL needs a file of its own; it
 * differs only in the provider and in where its client is generated
 * (docs/decisions/045). `npm run db:derive-schema` writes it; tests/unit/postgres-schema.test.ts
 * fails when the committed file drifts from what this gives.
 */
export const POSTGRES_SCHEMA_PATH = "prisma/postgresql/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:derive-schema\`: do not edit.
// The same models for PostgreSQL, with a client of its own (lib/generated/prisma-pg).

`;

export function derivePostgresSchema(source: string): string {
  const replacements: [RegExp, string][] = [
    [/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [/(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"'],
  ];
  let derived = source;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(derived)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}: update lib/db/postgres/derive-schema.ts`);
    derived = derived.replace(pattern, replacement);
  }
  return HEADER + derived;
}
