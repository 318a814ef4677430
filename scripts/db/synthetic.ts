/**
 * `npm run db:synthetic -- --claims 100000 [--seed N] [--force] [--hash]`
 *
 * Fill the database at DATABASE_URL (migrating it first) with realistic synthetic data:
 * claims, attributions whose quotes anchor into generated article texts, actors with
 * aliases, via-chains, verdict and accuracy histories, notes. The same seed gives the
 * same content. A database that already holds claim data is refused unless --force,
 * which deletes that data first (statuses and real accounts are kept).
 *
 *   --claims N    number of claims (default 100000)
 *   --seed N      random seed (default 1)
 *   --actors N    number of actors (default ~2000 at 100k claims, scaled by sqrt)
 *   --sources N   number of article snapshots (default claims / 10)
 *   --force       replace existing claim data
 *   --hash        print a SHA-256 of the database content (to compare two runs)
 */
import { parseCommandLine, wholeNumberOption } from "../shared/command-line";
import { createSyntheticDatabase } from "@/tools/synthetic/create";
import { DatabaseNotEmptyError } from "@/tools/synthetic/load";

/** The option's whole number, or `fallback` when it was not given. */
function wholeNumberOr(value: string | undefined, flag: string, fallback?: number, min = 0): number | undefined {
  return value === undefined ? fallback : wholeNumberOption(flag, value, USAGE, min);
}

const USAGE = `Usage: npm run db:synthetic -- [--claims N] [--seed N] [--actors N] [--sources N] [--force] [--hash]

Fill the SQLite database at DATABASE_URL (migrating it first) with synthetic claims.
  --claims N    number of claims (default 100000)
  --seed N      random seed (default 1); the same seed gives the same content
  --actors N    number of actors (default ~2000 at 100k claims, scaled by sqrt)
  --sources N   number of article snapshots (default claims / 10)
  --force       replace existing claim data
  --hash        print a SHA-256 of the database content`;

function main(): void {
  const parsed = parseCommandLine(process.argv.slice(2), USAGE, {
    claims: { type: "string" },
    seed: { type: "string" },
    actors: { type: "string" },
    sources: { type: "string" },
    force: { type: "boolean", default: false },
    hash: { type: "boolean", default: false },
  });
  if ("exitCode" in parsed) process.exit(parsed.exitCode);
  const { values } = parsed;
  const claims = wholeNumberOr(values.claims, "claims", 100_000, 1)!;
  const databaseUrl = process.env.DATABASE_URL ?? "file:./data/claimtrail.db";
  console.log(`Generating ${claims} synthetic claims into ${databaseUrl} (seed ${wholeNumberOr(values.seed, "seed", 1)})…`);
  const summary = createSyntheticDatabase({
    databaseUrl,
    claims,
    seed: wholeNumberOr(values.seed, "seed", 1)!,
    actors: wholeNumberOr(values.actors, "actors"),
    sources: wholeNumberOr(values.sources, "sources"),
    force: values.force,
    hash: values.hash,
  });
  console.log("\nTimings:");
  for (const [label, ms] of summary.timings) console.log(`  ${label.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  console.log("\nRows:");
  for (const [label, n] of Object.entries(summary.counts)) console.log(`  ${label.padEnd(26)} ${String(n).padStart(9)}`);
  if (summary.hash) console.log(`\nContent SHA-256: ${summary.hash}`);
  console.log(`\nDone: ${summary.file}`);
}

try {
  main();
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
