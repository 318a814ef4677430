import { describe, expect, it } from "vitest";
import { Random, ZipfPicker, weights } from "@/tools/synthetic/random";
import { generateDataset, streamDataset } from "@/tools/synthetic/generate";
import { FingerprintSet } from "@/tools/synthetic/fingerprint-set";

describe("the synthetic data's random source", () => {
  it("repeats exactly for a seed and stream, and differs across seeds and streams", () => {
    const draw = (seed: number, stream: string) => {
      const random = new Random(seed, stream);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(1, "claims")).toEqual(draw(1, "claims"));
    expect(draw(1, "claims")).not.toEqual(draw(2, "claims"));
    expect(draw(1, "claims")).not.toEqual(draw(1, "actors"));
    for (const value of draw(3, "x")) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("draws weighted keys and long-tailed indices in the expected proportions", () => {
    const random = new Random(5, "test");
    const table = weights({ a: 3, b: 1 });
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) counts[random.weighted(table)]++;
    expect(counts.a / 20_000).toBeCloseTo(0.75, 1);

    const zipf = new ZipfPicker(100, 1, 2);
    const hits = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) hits[zipf.pick(random)]!++;
    expect(hits[0]!).toBeGreaterThan(hits[10]!);
    expect(hits[10]!).toBeGreaterThan(hits[99]!);
    expect(hits.every((n) => n >= 0)).toBe(true);
  });
});

describe("generateDataset", () => {
  it("is a pure function of its options", () => {
    const a = generateDataset({ claims: 50, seed: 11 });
    const b = generateDataset({ claims: 50, seed: 11 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateDataset({ claims: 50, seed: 12 }))).not.toBe(JSON.stringify(a));
  });

  it("writes every quote into its source's text at the recorded offsets", () => {
    const data = generateDataset({ claims: 80, seed: 3 });
    const texts = new Map(data.sources.map((s) => [s.id, s.text]));
    for (const a of data.attributions) {
      const text = texts.get(a.sourceId)!;
      expect(text.slice(a.quoteStart, a.quoteEnd)).toBe(a.quote);
      expect(a.quotePrefix).toBe(text.slice(Math.max(0, a.quoteStart - 32), a.quoteStart));
      expect(a.quoteSuffix).toBe(text.slice(a.quoteEnd, a.quoteEnd + 32));
    }
  });

  it("keeps claim texts unique within a topic and via-chains free of the speaker", () => {
    const data = generateDataset({ claims: 500, seed: 9 });
    const keys = data.claims.map((c) => `${c.topicId}:${c.normalizedText}`);
    expect(new Set(keys).size).toBe(keys.length);
    const speaker = new Map(data.attributions.map((a) => [a.id, a.actorId]));
    for (const via of data.vias) expect(via.actorId).not.toBe(speaker.get(via.attributionId));
    const names = data.actors.map((a) => a.normalizedName);
    expect(new Set(names).size).toBe(names.length);
    for (const alias of data.aliases) expect(names).not.toContain(alias.normalizedAlias);
  });

  it("streams the same rows in chunks: each chunk's attributions cite sources already written, the audit log in time order", () => {
    const options = { claims: 2000, seed: 4 };
    const whole = generateDataset(options);
    const { chunks } = streamDataset(options, 150);
    const joined = { sources: [] as number[], claims: [] as number[], attributions: [] as number[], audit: [] as number[] };
    const written = new Set<number>();
    let chunkCount = 0;
    for (const chunk of chunks) {
      chunkCount++;
      for (const source of chunk.sources) written.add(source.id);
      for (const attribution of chunk.attributions) expect(written.has(attribution.sourceId), `attribution ${attribution.id}`).toBe(true);
      joined.sources.push(...chunk.sources.map((row) => row.id));
      joined.claims.push(...chunk.claims.map((row) => row.id));
      joined.attributions.push(...chunk.attributions.map((row) => row.id));
      joined.audit.push(...chunk.audit.map((row) => row.createdAt));
    }
    expect(chunkCount).toBeGreaterThan(5);
    expect(joined.sources).toEqual(whole.sources.map((row) => row.id));
    expect(joined.claims).toEqual(whole.claims.map((row) => row.id));
    expect(joined.attributions).toEqual(whole.attributions.map((row) => row.id));
    expect(joined.audit).toEqual(whole.audit.map((row) => row.createdAt));
    expect(whole.audit.map((row) => row.id)).toEqual(whole.audit.map((_, index) => index + 1));
    expect(joined.audit).toEqual([...joined.audit].sort((a, b) => a - b));
  });
});

describe("FingerprintSet", () => {
  it("answers as a Set of strings does, across growth", () => {
    const set = new FingerprintSet();
    const reference = new Set<string>();
    const random = new Random(5, "fingerprints");
    for (let i = 0; i < 20_000; i++) {
      const value = `${random.int(0, 19)}\u0000claim ${random.int(0, 15_000)}`;
      expect(set.add(value)).toBe(!reference.has(value));
      reference.add(value);
    }
  });
});
