import { spawnSync } from "node:child_process";
import { closeSync, openSync, statSync } from "node:fs";
import { streamCsv } from "../../tools/harness/http";
import { sampleRss, treeRssKb, type Server } from "../../tools/harness/server";
import { READER_CACHE_KIB, READER_MMAP_BYTES } from "../../lib/db/sqlite-settings";
import { summarise, type Summary } from "../../tools/harness/stats";

/**
 * The full claims.csv export against a database's own command-line shell running the
 * equivalent query (`sqlite3 -csv` here; `psql --csv` in bench/lib/postgres/export-floor.ts),
 * and the server's memory while it streams.
 */
export const SQLITE_CLI = "/usr/bin/sqlite3";

/**
 * What /export/claims.csv computes, as one SQL query for the sqlite3 shell: one row per
 * claim, newest first (the default list order), the same 14 columns
 * (lib/export/columns.ts CLAIM_COLUMNS), the multi-valued ones as distinct values of the
 * claim's attributions. Written to be fast (one grouped pass over the attributions, joined
 * to the claims in list order), so that it is a fair floor. Differences from the app's
 * file, none of which changes the work: lists are joined with "," (SQLite's
 * group_concat(DISTINCT …) takes no separator) in index order rather than by publication
 * date, and no cell is neutralised against formula injection.
 */
export const CLAIMS_CSV_SQL = `
SELECT
  c.id AS claim_id, c.text AS claim, t.key AS topic, st.key AS status,
  CASE c.contested WHEN 1 THEN 'true' ELSE 'false' END AS contested,
  x.asserted_by, x.denied_by, x.other_stances, x.via, x.sources, x.source_urls,
  strftime('%Y-%m-%dT%H:%M:%fZ', c.firstPublishedAt) AS first_published,
  strftime('%Y-%m-%dT%H:%M:%fZ', c.updatedAt) AS updated_at,
  coalesce(n.n, 0) AS annotations_count
FROM Claim c
JOIN Topic t ON t.id = c.topicId
JOIN Status st ON st.id = c.statusId
LEFT JOIN (
  SELECT a.claimId,
    group_concat(DISTINCT CASE WHEN a.stance = 'asserts' THEN ac.name END) AS asserted_by,
    group_concat(DISTINCT CASE WHEN a.stance = 'denies' THEN ac.name END) AS denied_by,
    group_concat(DISTINCT CASE WHEN a.stance NOT IN ('asserts', 'denies') THEN ac.name || ': ' || a.stance END) AS other_stances,
    group_concat(DISTINCT (SELECT group_concat(vac.name, ' > ') FROM AttributionVia v JOIN Actor vac ON vac.id = v.actorId WHERE v.attributionId = a.id)) AS via,
    group_concat(DISTINCT s.title || ' (' || s.outlet || ')') AS sources,
    group_concat(DISTINCT s.url) AS source_urls
  FROM Attribution a JOIN Actor ac ON ac.id = a.actorId JOIN Source s ON s.id = a.sourceId
  GROUP BY a.claimId
) x ON x.claimId = c.id
LEFT JOIN (SELECT claimId, count(*) AS n FROM Annotation WHERE deletedAt IS NULL GROUP BY claimId) n ON n.claimId = c.id
ORDER BY c.updatedAt DESC, c.id DESC;
`;

/** The same connection settings as the floor of the list queries (bench/lib/floor.ts). */
const CLI_SETTINGS = ["-cmd", ".output /dev/null", "-cmd", `PRAGMA mmap_size = ${READER_MMAP_BYTES}`, "-cmd", `PRAGMA cache_size = -${READER_CACHE_KIB}`, "-cmd", ".output stdout"];

export type CliRun = { ms: number; records: number; bytes: number };

/** The export's floor: a shell that writes the same CSV to `outputFile`, timed from its start to its exit. */
export type CliFloor = { label: string; run: (outputFile: string) => CliRun };

/** Start `command` with its stdout into `outputFile`; the time from its start to its exit, and what it wrote. */
export function timeCli(command: string, args: readonly string[], outputFile: string): CliRun {
  const out = openSync(outputFile, "w");
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ["ignore", out, "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  const bytes = statSync(outputFile).size;
  const count = spawnSync("wc", ["-l", outputFile]);
  return { ms, records: Number(count.stdout.toString().trim().split(/\s+/)[0]), bytes };
}

/** `sqlite3 -readonly -csv -header <settings> <db> <CLAIMS_CSV_SQL> > file`. */
export function sqliteCliFloor(databaseFile: string): CliFloor {
  return { label: "sqlite3 CLI", run: (outputFile) => timeCli(SQLITE_CLI, ["-readonly", "-csv", "-header", ...CLI_SETTINGS, databaseFile, CLAIMS_CSV_SQL], outputFile) };
}

export type ExportResult =
  | { skipped: string }
  | {
      runs: { ms: number; rows: number; bytes: number; rssGrowthMb: number; rssPeakMb: number }[];
      time: Summary;
      rows: number;
      rowsPerSecond: number;
      rssGrowthMb: number;
      rssBaselineMb: number;
      cli: { label: string; time: Summary; rows: number };
      ratio: number;
      header: string;
    };

export async function measureExport(server: Server, floor: CliFloor, scratchFile: string, runs: number): Promise<ExportResult> {
  const url = `${server.url}/export/claims.csv`;
  // Warm-up, and the check that the route exists at all.
  const first = await streamCsv(url);
  if (first.status === 404) return { skipped: "GET /export/claims.csv answered 404: the export route is not in this build" };
  if (first.status !== 200) return { skipped: `GET /export/claims.csv answered ${first.status}` };

  const measured: { ms: number; rows: number; bytes: number; rssGrowthMb: number; rssPeakMb: number }[] = [];
  let baseline = 0;
  for (let i = 0; i < runs; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = treeRssKb(server.pid);
    baseline = Math.max(baseline, before);
    const sampler = sampleRss(server.pid, 50);
    const result = await streamCsv(url);
    const samples = sampler.stop();
    const peak = Math.max(...samples);
    measured.push({ ms: result.ms, rows: result.records - 1, bytes: result.bytes, rssGrowthMb: (peak - before) / 1024, rssPeakMb: peak / 1024 });
  }
  const cliRuns: CliRun[] = [];
  for (let i = 0; i < runs + 1; i++) cliRuns.push(floor.run(scratchFile));
  cliRuns.shift(); // warm-up
  const time = summarise(measured.map((r) => r.ms));
  const cliTime = summarise(cliRuns.map((r) => r.ms));
  const rows = measured[0]!.rows;
  return {
    runs: measured,
    time,
    rows,
    rowsPerSecond: rows / (time.median / 1000),
    rssGrowthMb: Math.max(...measured.map((r) => r.rssGrowthMb)),
    rssBaselineMb: baseline / 1024,
    cli: { label: floor.label, time: cliTime, rows: cliRuns[0]!.records - 1 },
    ratio: time.median / cliTime.median,
    header: first.header,
  };
}
