/**
 * Child processes of the tools (the server, preparation scripts, a concurrent import):
 * each in its own process group, so that stopping one stops everything it started (tsx,
 * the cluster primary, its workers), and all of them killed when the tool exits.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
const children = new Set<ChildProcess>();

/** `node tsx --conditions=react-server <script> …args`, as the package.json scripts run. */
export function tsxCommand(script: string, args: string[] = []): [string, string[]] {
  return [process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", script, ...args]];
}

/** Start a child in a process group of its own, from the repository root; killAllChildren reaches it. */
export function spawnGroup(command: string, args: string[], options: { env: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: options.env, detached: true, stdio: options.stdio });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Signal a child's whole process group (the child alone when it has none); nothing when it has ended. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function killAllChildren(): void {
  for (const child of children) killGroup(child, "SIGKILL");
}

/** Kill every child when this process exits or is interrupted, so no server outlives the tool. */
export function killChildrenOnExit(label: string): void {
  process.on("exit", killAllChildren);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${label}: ${signal}, stopping`);
      killAllChildren();
      process.exit(130);
    });
  }
}

/** Run a child to completion within `timeoutMs`; resolves with its stdout, rejects (with its output's tail) on failure. */
export function runChild(label: string, [command, args]: [string, string[]], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const child = spawnGroup(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new Error(`${label} took longer than ${timeoutMs / 1000} s and was killed`));
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`}):\n${(stderr || stdout).slice(-4000)}`));
    });
  });
}
