/**
 * The load test's health probe, in a process of its own (load/run.ts starts it for each
 * stage): one GET /api/health at a time, every 250 ms, on a connection of its own, until
 * `--until` (milliseconds since the epoch); with several servers, each probe goes to the
 * next in turn. Prints the latencies as JSON. Run inside the load generator, whose event
 * loop also drives thousands of reads a second, it timed that loop's lag as much as the
 * server's answer.
 *
 * Usage: tsx load/health-probe.ts --until <epoch ms> --timeout <s> <base URL>…
 */
import { parseArgs } from "node:util";

export type ProbeResult = { latencies: number[]; slowest: { atSecond: number; ms: number }[] };

const { values, positionals } = parseArgs({ options: { until: { type: "string" }, timeout: { type: "string" } }, allowPositionals: true });
const until = Number(values.until);
const timeoutMs = Number(values.timeout) * 1000;
if (!Number.isFinite(until) || !Number.isFinite(timeoutMs) || positionals.length === 0) {
  console.error("Usage: tsx load/health-probe.ts --until <epoch ms> --timeout <s> <base URL>…");
  process.exit(2);
}

const result: ProbeResult = { latencies: [], slowest: [] };
const started = Date.now();
for (let probe = 0; Date.now() < until; probe++) {
  const sent = performance.now();
  const sentAt = Date.now();
  try {
    await fetch(`${positionals[probe % positionals.length]}/api/health`, { signal: AbortSignal.timeout(timeoutMs) }).then((r) => r.arrayBuffer());
    const ms = Math.round(performance.now() - sent);
    result.latencies.push(ms);
    result.slowest.push({ atSecond: Math.round((sentAt - started) / 100) / 10, ms });
    result.slowest.sort((a, b) => b.ms - a.ms).splice(3);
  } catch {
    // counted by nobody: the readers' and writers' own numbers say what failed
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.stdout.write(JSON.stringify(result));
