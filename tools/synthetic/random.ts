/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that a
 * synthetic database is a pure function of its seed. Math.random is never used.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` names an independent sequence, so one phase's draws never shift another's. */
  constructor(seed: number, stream = "") {
    let state = (Math.imul(seed | 0, 0x9e3779b1) ^ hashString(stream)) >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A key of `weights`, drawn with probability proportional to its weight. */
  weighted<K extends string | number>(weights: Weights<K>): K {
    let draw = this.next() * weights.total;
    for (let i = 0; i < weights.keys.length; i++) {
      draw -= weights.weights[i]!;
      if (draw < 0) return weights.keys[i]!;
    }
    return weights.keys[weights.keys.length - 1]!;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** Roughly normal (mean 0, sd 1): the sum of four uniforms, rescaled. Cheap and bounded. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }
}

/** A weight table, prepared once (drawing from it allocates nothing). */
export type Weights<K> = { keys: K[]; weights: number[]; total: number };

export function weights<K extends string>(table: Readonly<Partial<Record<K, number>>>): Weights<K> {
  const entries = Object.entries(table) as [K, number][];
  return { keys: entries.map(([key]) => key), weights: entries.map(([, weight]) => weight), total: entries.reduce((sum, [, weight]) => sum + weight, 0) };
}

/**
 * Draws indices 0..n-1 with weight 1/(rank + offset)^exponent: a few very frequent items
 * and a long tail, as actors and topics are in real coverage. Binary search over the
 * cumulative weights.
 */
export class ZipfPicker {
  private readonly cumulative: Float64Array;

  constructor(n: number, exponent = 1, offset = 2) {
    if (n <= 0) throw new Error("ZipfPicker needs at least one item");
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += 1 / Math.pow(i + offset, exponent);
      this.cumulative[i] = total;
    }
  }

  pick(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
