/**
 * A process tree read from /proc (Linux), for the tools that measure a server: the server
 * is tsx, its cluster primary and the workers, so a figure for one pid misses most of it.
 * Every reader tolerates a process that ends while it is read (its share is then 0).
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  const pids: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    pids.push(current);
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended
    }
  }
  return pids;
}

/**
 * Anonymous resident memory (kB, RssAnon in /proc/<pid>/status) of a process and all its
 * descendants: what the processes themselves allocated (heaps, buffers), without the pages
 * of files they map (the memory-mapped database would otherwise count as it is read).
 */
export function treeRssKb(pid: number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      total += Number(/^RssAnon:\s+(\d+)/m.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return total;
}

/**
 * CPU seconds (user + system) a process tree has used so far; null when /proc has none of
 * it (not Linux, or the tree is gone). A process's own time and that of the children it
 * has reaped (cutime, cstime), so a worker that died and was replaced still counts.
 */
export function treeCpuSeconds(pid: number): number | null {
  let total = 0;
  let any = false;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime are fields 14–17 of the line, 12–15 after the command name; in clock ticks (100 per second on Linux).
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
      any = true;
    } catch {
      // the process ended
    }
  }
  return any ? total : null;
}

/**
 * How many descriptors a process tree holds open on `file` (an absolute path). Each SQLite
 * connection holds one on the main database file, so for a database this counts connections.
 */
export function treeOpenFiles(pid: number, file: string): number {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      for (const fd of readdirSync(`/proc/${member}/fd`)) {
        try {
          if (readlinkSync(`/proc/${member}/fd/${fd}`) === file) total += 1;
        } catch {
          // the descriptor closed
        }
      }
    } catch {
      // the process ended
    }
  }
  return total;
}
