import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What a production build is made from; a change to any of it means the build is stale. */
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["generated", "node_modules"]);

/** The build folder (next.config.ts reads the same variable). */
const distDir = () => process.env.NEXT_DIST_DIR ?? ".next";

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (!SKIP.has(name)) yield* files(path.join(entry, name));
  }
}

/** A hash of the build inputs' paths and contents. */
export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** True when there is no finished build or it was made from different sources. */
export function buildIsStale(root: string): boolean {
  const file = fingerprintFile(root);
  if (!existsSync(path.join(root, distDir(), "BUILD_ID")) || !existsSync(file)) return true;
  return readFileSync(file, "utf8").trim() !== buildFingerprint(root);
}

export function fingerprintFile(root: string): string {
  return path.join(root, distDir(), "claimtrail-build-fingerprint");
}
