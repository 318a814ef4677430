import { describe, expect, it } from "vitest";
import { WORKER_SEMI_SPACE_FLAG, workerExecArgv } from "@/lib/server/worker-flags";

describe("the server workers' Node flags", () => {
  const tsx = ["--require", "/x/tsx/preflight.cjs", "--import", "file:///x/tsx/loader.mjs", "--conditions=react-server"];

  it("keep the primary's flags and add the larger young generation", () => {
    expect(workerExecArgv(tsx, undefined)).toEqual([...tsx, WORKER_SEMI_SPACE_FLAG]);
    expect(workerExecArgv([], "--enable-source-maps")).toEqual([WORKER_SEMI_SPACE_FLAG]);
  });

  it("leave an operator's own semi-space size alone, however it is spelled or given", () => {
    expect(workerExecArgv([...tsx, "--max-semi-space-size=8"], undefined)).toEqual([...tsx, "--max-semi-space-size=8"]);
    expect(workerExecArgv(tsx, "--enable-source-maps --max_semi_space_size=32")).toEqual(tsx);
  });
});
