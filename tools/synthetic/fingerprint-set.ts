/**
 * A set of strings kept as 64-bit fingerprints (two independent 32-bit hashes) in an
 * open-addressing table: at most 16 bytes per string, where a Set<string> of the claim keys
 * took ~250 bytes a claim (~250 MB at a million claims). Two different strings share a
 * fingerprint with odds of about n² / 2⁶⁵ (~3 × 10⁻⁸ at a million); the generator then
 * draws another text, which keeps the output deterministic and every stored text unique.
 */
export class FingerprintSet {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private size = 0;

  /** Adds `value`; false when it (or a string with the same fingerprint) was there already. */
  add(value: string): boolean {
    if ((this.size + 1) * 2 > this.high.length) this.grow();
    const high = hash(value, 0x811c9dc5, 0x01000193);
    const low = hash(value, 0x9747b28c, 0x5bd1e995) || 1; // 0/0 marks an empty slot
    return this.insert(high, low);
  }

  private insert(high: number, low: number): boolean {
    const mask = this.high.length - 1;
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      if (this.low[slot] === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.size++;
        return true;
      }
      if (this.low[slot] === low && this.high[slot] === high) return false;
    }
  }

  private grow(): void {
    const { high, low } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    this.size = 0;
    for (let slot = 0; slot < high.length; slot++) if (low[slot] !== 0) this.insert(high[slot]!, low[slot]!);
  }
}

/** FNV-style multiply-xor over UTF-16 code units, with a final avalanche; `basis` and `prime` pick the hash. */
function hash(value: string, basis: number, prime: number): number {
  let h = basis;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), prime);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
