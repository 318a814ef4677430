import pg from "pg";
import { numberedPlaceholders } from "@/lib/db/sql";
import { clientConfig } from "@/lib/db/postgres/connection";
import { typeParsers } from "@/lib/db/postgres/values";
import type { ReadStatement } from "../capturing-reader";

/**
 * The PostgreSQL floor of a query of the set: the very statements the app ran for it
 * (captured by bench/lib/postgres/capture.ts), run one after another through `pg` on a
 * connection of the benchmark's own, with the app's value parsers. Nothing else: no
 * pool, no hydration into records, no serialisation, no HTTP. Statements the app keeps
 * until the next write (`kept`) are left out: its server reads them once, not per request.
 */
export class PostgresFloor {
  private constructor(
    private readonly client: pg.Client,
    private readonly statements: { rows: ReadStatement[]; facets: ReadStatement[] },
  ) {}

  static async open(databaseUrl: string, statements: { rows: ReadStatement[]; facets: ReadStatement[] }): Promise<PostgresFloor> {
    const client = new pg.Client({ ...clientConfig(databaseUrl), application_name: "claimtrail-bench-floor", types: typeParsers });
    client.on("error", () => undefined);
    await client.connect();
    return new PostgresFloor(client, statements);
  }

  /** The rows of one statement, run directly (what the app got for it, if the floor is the same SQL). */
  async run(statement: ReadStatement): Promise<unknown[]> {
    // Unnamed statements, as the app's pool sends them.
    return (await this.client.query({ text: numberedPlaceholders(statement.text), values: statement.params })).rows;
  }

  private async runAll(statements: readonly ReadStatement[]): Promise<void> {
    for (const statement of statements) if (!statement.kept) await this.run(statement);
  }

  runRows(): Promise<void> {
    return this.runAll(this.statements.rows);
  }

  runFacets(): Promise<void> {
    return this.runAll(this.statements.facets);
  }

  /** EXPLAIN ANALYZE of every statement run per request (rows, then facets), for the report. */
  async plans(): Promise<string[][]> {
    const plans: string[][] = [];
    for (const statement of [...this.statements.rows, ...this.statements.facets]) {
      if (statement.kept) continue;
      const result = await this.client.query<{ "QUERY PLAN": string }>({ text: `EXPLAIN (ANALYZE, COSTS OFF) ${numberedPlaceholders(statement.text)}`, values: statement.params });
      plans.push([statement.text.replace(/\s+/g, " ").trim(), ...result.rows.map((row) => row["QUERY PLAN"])]);
    }
    return plans;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
