import { describe, expect, it } from "vitest";
import { keepRecent, recentlyUsed, usedAgain } from "@/lib/memo/recently-used";

describe("recentlyUsed", () => {
  it("makes a value once, keeps at most `size`, and drops the least recently used", () => {
    const cache = new Map<string, string>();
    let made = 0;
    const get = (key: string) => recentlyUsed(cache, key, 2, () => `${key}${++made}`);
    expect(get("a")).toBe("a1");
    expect(get("b")).toBe("b2");
    expect(get("a")).toBe("a1"); // a hit: a is now the most recent
    expect(get("c")).toBe("c3"); // full: b, the least recently used, goes
    expect([...cache.keys()]).toEqual(["a", "c"]);
    expect(get("b")).toBe("b4");
    expect(made).toBe(4);
  });

  it("keeps an asynchronously made value the same way: a hit moves to the end, past `size` the first goes", () => {
    const cache = new Map<string, number[]>();
    keepRecent(cache, "a", [1], 2);
    keepRecent(cache, "b", [2], 2);
    expect(usedAgain(cache, "a")).toEqual([1]);
    expect(usedAgain(cache, "z")).toBeUndefined();
    keepRecent(cache, "c", [3], 2);
    expect([...cache.keys()]).toEqual(["a", "c"]);
    keepRecent(cache, "c", [4], 2); // kept again under the same key: replaced, nothing else dropped
    expect([...cache.entries()]).toEqual([["a", [1]], ["c", [4]]]);
  });
});
