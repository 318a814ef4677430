import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createSyntheticDatabase } from "@/tools/synthetic/create";
import { ROOT } from "../../tools/harness/server";
import { BENCH_DIR } from "./database-url";

/** What a benchmark database holds: a database made for another manifest is made again. */
export type Manifest = { claims: number; seed: number; generator: string };

/** A hash of the generator's source and the migrations' names: a change of either means regenerated databases. */
function generatorVersion(): string {
  const hash = createHash("sha256");
  const dir = path.join(ROOT, "tools/synthetic");
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  // A new migration (a table the app now reads) needs a new database too.
  for (const name of readdirSync(path.join(ROOT, "prisma/migrations")).sort()) hash.update(name);
  return hash.digest("hex").slice(0, 16);
}

export const manifestOf = (claims: number, seed: number): Manifest => ({ claims, seed, generator: generatorVersion() });

export const sameManifest = (a: Manifest | null, b: Manifest) => a !== null && a.claims === b.claims && a.seed === b.seed && a.generator === b.generator;

/**
 * The synthetic SQLite database of `size` claims in .tmp/bench/<size>.db (tools/synthetic),
 * made again when the generator, seed or size changed (or when `regenerate`).
 */
export function ensureSyntheticDatabase(size: number, seed: number, regenerate: boolean): { file: string; manifest: Manifest; note: string } {
  const file = path.join(BENCH_DIR, `${size}.db`);
  const manifestFile = path.join(BENCH_DIR, `${size}.json`);
  const manifest = manifestOf(size, seed);
  const current = existsSync(manifestFile) && existsSync(file) ? (JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest) : null;
  if (!regenerate && sameManifest(current, manifest)) return { file, manifest, note: `reused ${path.relative(ROOT, file)}` };
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  rmSync(manifestFile, { force: true });
  const summary = createSyntheticDatabase({ databaseUrl: `file:${file}`, claims: size, seed });
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const total = summary.timings.find(([label]) => label === "total")?.[1] ?? 0;
  return { file, manifest, note: `generated ${path.relative(ROOT, file)} in ${(total / 1000).toFixed(1)} s (${summary.counts.attributions} attributions, ${summary.counts.sources} sources, ${summary.counts.actors} actors)` };
}
