import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrlNamed, postgresTestPrefix } from "./postgres-names";

/**
 * Once per run of the PostgreSQL project: a template database, migrated and seeded with
 * the same code `npm start` uses (scripts/db/prepare.ts). Each test file gets a fresh
 * database made from it (`CREATE DATABASE … TEMPLATE …`, tests/setup/postgres-per-file.ts),
 * as the SQLite project copies its base file. TEST_POSTGRES_URL names a database the
 * tests may connect to and a role that may create databases; every database made here is
 * named after it, with this run's id, and dropped at the end.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const prefix = postgresTestPrefix(adminUrl, `${process.pid}_${Date.now()}`);
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "--conditions=react-server", "scripts/db/prepare.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrlNamed(adminUrl, template), NODE_ENV: "test" },
    stdio: "pipe",
  });
  project.provide("postgresTemplate", template);
  project.provide("postgresPrefix", prefix);
  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(`SELECT "datname" FROM pg_database WHERE "datname" LIKE $1`, [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
