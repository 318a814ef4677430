/**
 * V8's young generation for the server's worker processes: 64 MB semi-spaces instead of
 * Node 20's 16 MB (decision 067). A full export allocates about 1 GB of short-lived rows and
 * strings. With 16 MB semi-spaces, a cluster worker fell, in about four bench runs of ten,
 * into a state where every scavenge moved ~2.5 MB of an export's data into the old
 * generation: RssAnon +150–180 MB per export and 1.5–2× the export time. With 64 MB it
 * never did in the runs made (docs/performance.md, "Export at 100k"). The cost: the young
 * generation itself, which grows by about 150 MB in a worker's first export after start or
 * after a long idle spell. An operator's own --max-semi-space-size (on the command line or in
 * NODE_OPTIONS) wins.
 */
export const WORKER_SEMI_SPACE_FLAG = "--max-semi-space-size=64";

const SEMI_SPACE = /^--max[-_]semi[-_]space[-_]size\b/;

/** The Node flags a worker starts with: the primary's, plus the semi-space size unless one is given. */
export function workerExecArgv(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? "").split(/\s+/)].some((flag) => SEMI_SPACE.test(flag));
  return given ? [...execArgv] : [...execArgv, WORKER_SEMI_SPACE_FLAG];
}
