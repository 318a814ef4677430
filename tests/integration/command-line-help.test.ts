import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "@/tests/support/run-script";

/*
 * Every `npm run` tool of the repository, read from package.json so that a new one is
 * covered the day it is added: `--help` prints its usage and exits 0 without touching a
 * database; an unknown option says what was wrong and exits 2, with no stack trace.
 */
const scripts = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")).scripts as Record<string, string>;
const tools = Object.entries(scripts).flatMap(([name, command]) => {
  const match = /^tsx (?:--conditions=react-server )?(\S+\.ts)$/.exec(command);
  // The test suite's own runners (tests/…) are not tools people run.
  return match && !match[1]!.startsWith("tests/") ? [{ name, file: match[1]! }] : [];
});
// A database path that does not exist: asking for help must not create or open it.
const nowhere = path.join(os.tmpdir(), `claimtrail-help-${process.pid}`, "never.db");
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("the command-line tools", () => {
  it("are found in package.json", () => {
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(["start", "users", "import", "db:synthetic", "db:backup", "db:archive", "bench", "load", "db:copy", "db:derive-schema"]));
  });

  it.each(tools)("npm run $name -- --help prints its usage and exits 0", async ({ file, name }) => {
    const result = await runScript(file, ["--help"], nowhere);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm (run )?${name.replace(":", "\\:")}`));
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it.each(tools)("npm run $name -- --no-such-option names the option, prints the usage and exits 2", async ({ file }) => {
    const result = await runScript(file, ["--no-such-option"], nowhere);
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toContain("--no-such-option");
    expect(result.stderr).toContain("Usage:");
    expect(result.output).not.toMatch(STACK_LINE);
  });

  // The tools' numeric options share one rule (wholeNumberOption, scripts/shared/command-line.ts).
  it.each([
    ["load:cost", ["--rounds", "1.5"], /--rounds must be a whole number of 1 or more, not "1\.5"/],
    ["load", ["--connections", "10,x"], /--connections must be a whole number from 1 to 1000, not "x"/],
    ["bench", ["--requests", "0"], /--requests must be a whole number of 1 or more, not "0"/],
    ["db:synthetic", ["--claims", "many"], /--claims must be a whole number of 1 or more, not "many"/],
  ])("npm run %s -- %s: a number that is not a whole number in range is refused with the usage, exit 2", async (name, args, message) => {
    const tool = tools.find((candidate) => candidate.name === name)!;
    const result = await runScript(tool.file, args, nowhere);
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage:");
    expect(result.output).not.toMatch(STACK_LINE);
  });
});
