import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseBusy } from "@/lib/db/busy";

/* Which failures are "the database is busy, try again" (503) rather than internal errors (500). */

const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-busy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function realBusyError(): unknown {
  const file = path.join(dir, "busy.db");
  const holder = new Database(file);
  const waiter = new Database(file, { timeout: 0 });
  holder.exec("CREATE TABLE IF NOT EXISTS t (x); BEGIN IMMEDIATE");
  try {
    waiter.exec("BEGIN IMMEDIATE");
    return null;
  } catch (error) {
    return error;
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
    waiter.close();
  }
}

/** The shape Prisma's better-sqlite3 adapter gives a write that waited out the busy timeout (seen in cross-process-writes). */
const adapterTimeout = (originalCode: string) => Object.assign(new Error("Operation has timed out"), {
  code: "P1008",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, originalMessage: "database is locked", kind: "SocketTimeout" } } },
});
const transactionError = (message: string) => Object.assign(new Error(`Transaction API error: ${message}`), { code: "P2028" });

describe("isDatabaseBusy", () => {
  it("recognises SQLITE_BUSY from better-sqlite3 itself", () => {
    const error = realBusyError();
    expect(error).toMatchObject({ code: "SQLITE_BUSY" });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("recognises the Prisma adapter's timeout only when SQLite was busy", () => {
    expect(isDatabaseBusy(adapterTimeout("SQLITE_BUSY"))).toBe(true);
    expect(isDatabaseBusy(adapterTimeout("SQLITE_IOERR"))).toBe(false);
  });

  it("recognises a transaction that could not start in time, not an expired or closed one", () => {
    expect(isDatabaseBusy(transactionError("Unable to start a transaction in the given time."))).toBe(true);
    expect(isDatabaseBusy(transactionError("A query cannot be executed on an expired transaction."))).toBe(false);
    expect(isDatabaseBusy(transactionError("Transaction already closed"))).toBe(false);
  });

  it("leaves everything else to the generic handler", () => {
    for (const error of [new Error("boom"), null, undefined, "SQLITE_BUSY", { code: 5 }, Object.assign(new Error("x"), { code: "P2002" })]) {
      expect(isDatabaseBusy(error)).toBe(false);
    }
  });
});
