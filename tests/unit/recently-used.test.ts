import { describe, expect, it } from "vitest";
import { recentlyUsed } from "@/lib/memo/recently-used";

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
});
