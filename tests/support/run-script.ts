import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export type ScriptResult = { code: number | null; stdout: string; stderr: string; output: string };

/**
 * Run one of the repository's scripts as an operator does (`tsx --conditions=react-server
 * scripts/…` from the repository root) on the database file given. `output` is stdout and
 * stderr interleaved as they arrived; `stdin`, when given, is piped in (e.g. a password).
 */
export function runScript(script: string, args: readonly string[], databaseFile: string, env: Record<string, string> = {}, stdin?: string): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, "--conditions=react-server", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "test", DATABASE_URL: `file:${databaseFile}`, ...env },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    const result: ScriptResult = { code: null, stdout: "", stderr: "", output: "" };
    child.stdout!.on("data", (chunk: Buffer) => {
      result.stdout += chunk.toString("utf8");
      result.output += chunk.toString("utf8");
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      result.stderr += chunk.toString("utf8");
      result.output += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.on("close", (code) => resolve({ ...result, code }));
  });
}
