import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as postSource } from "@/app/api/sources/route";
import { MAX_JSON_BODY_BYTES } from "@/lib/http/api-handler";
import { findIllFormedString, MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/http/well-formed";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * Request bodies are checked in time linear in their size, without recursion, with a
 * nesting limit answered 400 (issue 11, finding 5): an 8 MB body of 4,000 nested arrays
 * took 28 s and froze /api/health; 100,000 nested `[` was a 500.
 */

/** `depth` arrays inside each other, each holding a string of `filler` characters. */
function nestedArrays(depth: number, filler: number): string {
  const cell = `"${"x".repeat(filler)}",`;
  return `${`[${cell}`.repeat(depth)}0${"]".repeat(depth)}`;
}

function post(token: string, body: string) {
  return postSource(new Request(`${BASE_URL}/api/sources`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }), routeParams({}));
}

describe("JSON request bodies", () => {
  it("an 8 MB body of 4,000 nested arrays is refused with 400 in under a second, and /api/health answers meanwhile", async () => {
    const { token } = await createUserWithToken("fact_checker");
    const body = nestedArrays(4_000, 1_995);
    expect(body.length).toBeGreaterThan(8_000_000);
    expect(body.length).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES);
    const started = performance.now();
    const answer = post(token, body);
    const healthStarted = performance.now();
    const healthy = await health();
    const healthMs = performance.now() - healthStarted;
    const response = await answer;
    const elapsed = performance.now() - started;
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({ body: [`nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`] });
    expect(healthy.status).toBe(200);
    expect(healthMs).toBeLessThan(1_000);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("100,000 nested brackets are a 400, not a stack overflow", async () => {
    const { token } = await createUserWithToken("fact_checker");
    for (const body of ["[".repeat(100_000), `${"[".repeat(100_000)}${"]".repeat(100_000)}`, `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`]) {
      const response = await post(token, body);
      expect(response.status).toBe(400);
    }
  });

  it("a body over the size limit is answered 413 and nothing is read into a source", async () => {
    const { token } = await createUserWithToken("fact_checker");
    const response = await post(token, JSON.stringify({ title: "t", outlet: "o", text: "x".repeat(MAX_JSON_BODY_BYTES) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/at most 8 MB/);
  });

  it("counts nesting on the raw text, ignoring brackets inside strings", () => {
    expect(nestsDeeperThan(`{"a": "[[[[[[", "b": "\\"[[[["}`, 1)).toBe(false);
    expect(nestsDeeperThan(`[[1]]`, 1)).toBe(true);
    expect(nestsDeeperThan(nestedArrays(MAX_JSON_DEPTH, 3))).toBe(false);
    expect(nestsDeeperThan(nestedArrays(MAX_JSON_DEPTH + 1, 3))).toBe(true);
  });

  it("finds an ill-formed string or key by its path, walking without recursion", () => {
    expect(findIllFormedString({ attributions: [{ quote: "ok" }, { quote: "bad \ud800" }] })).toBe("attributions.1.quote");
    expect(findIllFormedString({ ["key \udc00"]: 1 })).toBe("key \udc00");
    expect(findIllFormedString("\ud800")).toBe("body");
    const deep = JSON.parse(nestedArrays(50_000, 0).replace('"",0', '"\\ud800"'));
    expect(findIllFormedString(deep)).toMatch(/^(1\.){49999}0$/);
  });
});
