import { describe, expect, it } from "vitest";
import { toFtsQuery } from "@/lib/claims/search/fts-query";

describe("toFtsQuery", () => {
  it("turns each word into a quoted prefix term", () => {
    expect(toFtsQuery("fake news")).toBe('"fake"* "news"*');
  });

  it("keeps quoted phrases as phrases", () => {
    expect(toFtsQuery('"fake news" peskov')).toBe('"fake news" "peskov"*');
  });

  it("neutralises FTS operators and SQL by quoting", () => {
    expect(toFtsQuery("NEAR(a b) OR c*")).toBe('"NEAR(a"* "b)"* "OR"* "c*"*');
    expect(toFtsQuery("'; DROP TABLE Claim; --")).toBe('"DROP"* "TABLE"* "Claim;"*');
  });

  it("drops unbalanced quote characters", () => {
    expect(toFtsQuery('say "hello')).toBe('"say"* "hello"*');
  });

  it("returns null when nothing searchable is left", () => {
    expect(toFtsQuery('*** ((( """ ---')).toBeNull();
    expect(toFtsQuery("   ")).toBeNull();
  });

  it("keeps Cyrillic and Korean words", () => {
    expect(toFtsQuery("Песков 북한")).toBe('"Песков"* "북한"*');
  });
});
