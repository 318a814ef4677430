import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

/*
 * One process writes SQLite through one connection (the Prisma adapter's). A statement that
 * Prisma runs outside a transaction (a plain create or update) used to go straight to that
 * connection even while another request's transaction was open on it: it became part of
 * that transaction. When the transaction rolled back (a 409, a failed check), the other
 * request's write vanished after it had been answered as saved; and a read saw writes that
 * were never committed. Each statement outside a transaction now waits for the open one.
 */
describe("writes outside a transaction, while another one is open", () => {
  it("are kept when the open transaction rolls back, and never see its uncommitted rows", async () => {
    let opened!: () => void;
    const transactionIsOpen = new Promise<void>((resolve) => (opened = resolve));
    let finish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.topic.create({ data: { key: "uncommitted-topic", label: "Never committed" } });
        opened();
        await mayFinish;
        throw new Error("rolled back on purpose");
      })
      .catch((error: Error) => error.message);

    await transactionIsOpen;
    // Started while the transaction is open; it must neither join it nor see into it.
    // (Prisma's queries are lazy: `then` starts them now.)
    const outside = prisma.topic.create({ data: { key: "written-outside", label: "Written outside the transaction" } }).then((topic) => topic);
    const seen = prisma.topic.findUnique({ where: { key: "uncommitted-topic" } }).then((topic) => topic);
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();

    expect(await rolledBack).toBe("rolled back on purpose");
    await outside;
    expect(await seen).toBeNull();
    expect(await prisma.topic.findUnique({ where: { key: "written-outside" } })).not.toBeNull();
    expect(await prisma.topic.findUnique({ where: { key: "uncommitted-topic" } })).toBeNull();
  });
});
