/**
 * A writer process: WRITERS async writers in one process, looping over notes and status
 * changes through the app's own mutation functions (one Prisma connection, as in the
 * server), until SIGTERM/SIGINT or --seconds. Each write is printed as `ack <marker>` only
 * after its transaction committed, so whoever reads stdout knows which writes were
 * acknowledged and when. Lost races (409) are retried with the fresh version and printed
 * as `retry`. Any other error is printed as `error <message>` and ends the process with 1.
 *
 *   DATABASE_URL=file:... tsx --conditions=react-server load/write-loop.ts --prefix P [--writers 4] [--seconds 10]
 *
 * Used by tests/integration/backup-restore.test.ts (writes during a backup) and to
 * reproduce cross-process write contention (two of these at once: docs/operations.md).
 */
import { parseArgs } from "node:util";
import { addAnnotation } from "@/lib/annotations/mutations";
import type { CurrentUser } from "@/lib/auth/roles";
import { setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { StaleVersionError } from "@/lib/errors";
import { DEFAULT_STATUSES } from "@/lib/vocabulary/default-statuses";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { prefix: { type: "string" }, writers: { type: "string", default: "4" }, seconds: { type: "string", default: "60" } },
});
const prefix = values.prefix ?? `w${process.pid}`;
const writers = Number(values.writers);
const stopAt = Date.now() + Number(values.seconds) * 1000;
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => (stopping = true));

const statusKeys = DEFAULT_STATUSES.map((status) => status.key);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const user: CurrentUser = { id: `${prefix}-user`, email: `${prefix}@claimtrail.test`, name: `Writer ${prefix}`, role: "fact_checker" };
  await prisma.user.upsert({ where: { id: user.id }, create: { id: user.id, email: user.email, name: user.name, role: user.role }, update: {} });
  const claimIds = (await prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 50 })).map((c) => c.id);
  out("ready");

  const loop = async (w: number) => {
    for (let n = 0; !stopping && Date.now() < stopAt; n++) {
      // Prisma on better-sqlite3 resolves everything in microtasks: without a real turn of
      // the event loop, signals would never be handled and stdout never flushed.
      await new Promise((resolve) => setImmediate(resolve));
      const claimId = claimIds[(w * 7 + n) % claimIds.length]!;
      if (n % 2 === 0) {
        const marker = `${prefix} w${w} a${n}`;
        await addAnnotation(user, claimId, { body: marker, attributionId: undefined, parentId: undefined });
        out(`ack ${marker}`);
        continue;
      }
      const marker = `${prefix} w${w} s${n}`;
      let claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true, status: { select: { key: true } } } });
      for (let attempt = 0; ; attempt++) {
        const next = statusKeys.filter((key) => key !== claim.status.key)[(w + n + attempt) % (statusKeys.length - 1)]!;
        try {
          await setClaimStatus(user, claimId, { status: next, rationale: marker, evidence: [], version: claim.version });
          out(`ack ${marker}`);
          break;
        } catch (error) {
          if (!(error instanceof StaleVersionError) || attempt >= 100) throw error;
          out("retry");
          claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true, status: { select: { key: true } } } });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => loop(w)));
  out("done");
}

main()
  .catch((error: unknown) => {
    out(`error ${error instanceof Error ? `${error.name}: ${error.message}`.replace(/\s+/g, " ") : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
