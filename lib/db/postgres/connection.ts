import pg from "pg";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";

/** How long a new connection may take before the server counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The place a PostgreSQL URL names, for messages: host and port, never the password.
 * A socket directory given as `?host=/run/postgresql` counts as the host.
 */
export function describeServer(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default database)";
  return `${host}:${url.port || "5432"}/${database}`;
}

/** The connection settings every pool and client of the app uses for `databaseUrl`. */
export function clientConfig(databaseUrl: string): pg.ClientConfig {
  return { connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "claimtrail" };
}

/** Why a connection failed, in words an operator acts on. */
export function connectionFailureReason(error: unknown): string {
  const failure = error as { code?: string; message?: string };
  switch (failure.code) {
    case "ECONNREFUSED":
      return "connection refused (is PostgreSQL running and listening there?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve";
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "the host does not answer";
    case "28P01":
    case "28000":
      return `authentication failed: ${failure.message}`;
    case "3D000":
      return `${failure.message} (create it, e.g. \`createdb\`, or correct DATABASE_URL)`;
    default:
      if (/timeout/i.test(failure.message ?? "")) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
      return (failure.message ?? String(error)).split("\n")[0]!;
  }
}

/** A failed connection as the one-line error commands stop on. */
export function unavailable(databaseUrl: string, error: unknown): DatabaseUnavailableError {
  return new DatabaseUnavailableError(`Cannot use the PostgreSQL database at ${describeServer(databaseUrl)}: ${connectionFailureReason(error)}.`);
}

/** Resolves when the server at `databaseUrl` accepts a connection and answers; rejects with a one-line DatabaseUnavailableError. */
export async function assertReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client(clientConfig(databaseUrl));
  // An error after connecting (the server going away) must not crash the process as unhandled.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw unavailable(databaseUrl, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
