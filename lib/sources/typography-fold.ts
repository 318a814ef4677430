import { isHighSurrogate, isLowSurrogate } from "@/lib/sources/utf16";

/**
 * Typographic folding: the text as it would read if everyone typed the same way. Quotes
 * copied from notes, transcripts or another outlet's copy differ from the article in
 * ways no reader notices: curly or straight quotes and apostrophes, a hyphen for a dash,
 * a doubled space or a line break, capitals, a composed or decomposed "é", "..." for "…".
 * Folding both the article and the quote lets them be compared without those
 * differences, and every folded code unit remembers the range of the ORIGINAL text it
 * came from, so that a match found in the folded text is always reported as the
 * article's own words (text.slice(start, end)), never as the folded form.
 *
 * The folded form is only ever compared, never stored or shown.
 */
export type FoldedText = {
  /** The folded text. */
  text: string;
  /** For each code unit of `text`, where its source begins in the original text. */
  originStart: Int32Array;
  /** For each code unit of `text`, where its source ends in the original text. */
  originEnd: Int32Array;
};

/** Characters that differ only typographically, by what they fold to. */
const TYPOGRAPHIC_EQUIVALENTS: Record<string, string> = {
  '"': "“”„‟«»〝〞〟＂″‶",
  "'": "‘’‚‛‹›′‵`´ʹʻʼʽ＇",
  "-": "‐‑‒–—―⁃−﹘﹣－⸺⸻",
};
const TYPOGRAPHY = new Map<string, string>(
  Object.entries(TYPOGRAPHIC_EQUIVALENTS).flatMap(([folded, variants]) => [...variants].map((variant) => [variant, folded] as const)),
);
const TYPOGRAPHY_PATTERN = new RegExp(`[${[...TYPOGRAPHY.keys()].join("")}]`, "gu");
const mapTypography = (value: string) => value.replace(TYPOGRAPHY_PATTERN, (char) => TYPOGRAPHY.get(char)!);

/** Invisible characters that only say where a line may break: folded to nothing. */
const IGNORABLE = new Set([0x00ad /* soft hyphen */, 0x200b /* zero-width space */, 0x2060 /* word joiner */, 0xfeff /* BOM */]);
const ZERO_WIDTH_JOINER = 0x200d;
const COMBINING_MARK = /^\p{M}$/u;
const WHITESPACE = /^\s$/u;

const Kind = {
  Unknown: 0,
  Whitespace: 1,
  Ignorable: 2,
  /** Belongs to the character before it: a combining mark, a variation selector, a joiner. */
  Continuation: 3,
  Other: 4,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** The kind of each BMP code unit, computed on first sight (a regex per unit is slow). */
const bmpKind = new Uint8Array(0x10000);

function kindOf(codePoint: number): Kind {
  if (codePoint < 0x10000) {
    let kind = bmpKind[codePoint]! as Kind;
    if (kind === Kind.Unknown) {
      kind = classify(codePoint);
      bmpKind[codePoint] = kind;
    }
    return kind;
  }
  return classify(codePoint);
}

function classify(codePoint: number): Kind {
  if (IGNORABLE.has(codePoint)) return Kind.Ignorable;
  const char = String.fromCodePoint(codePoint);
  if (WHITESPACE.test(char)) return Kind.Whitespace;
  if (codePoint === ZERO_WIDTH_JOINER || COMBINING_MARK.test(char)) return Kind.Continuation;
  // Emoji skin-tone modifiers and tag characters (subdivision flags) extend the emoji before them.
  if ((codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || (codePoint >= 0xe0020 && codePoint <= 0xe007f)) return Kind.Continuation;
  return Kind.Other;
}

/** The folded form of one character with its combining marks, cached: articles repeat their letters. */
const foldedClusters = new Map<string, string>();
function foldCluster(cluster: string): string {
  let folded = foldedClusters.get(cluster);
  if (folded === undefined) {
    // Typography before NFKC too: NFKC would turn ″ into two primes rather than one quote.
    folded = mapTypography(mapTypography(cluster).normalize("NFKC").toLowerCase());
    foldedClusters.set(cluster, folded);
  }
  return folded;
}

/**
 * What each BMP code unit folds to when it stands alone: the one folded unit, or -1 when
 * it folds to more or fewer units (… to ..., say) and goes through foldCluster instead.
 * Computed on first sight, so that an article's letters cost one lookup each.
 */
const UNKNOWN = -2;
const NOT_ONE_UNIT = -1;
const bmpFoldedUnit = new Int32Array(0x10000).fill(UNKNOWN);

function foldedUnitOf(code: number): number {
  let unit = bmpFoldedUnit[code]!;
  if (unit === UNKNOWN) {
    const folded = foldCluster(String.fromCharCode(code));
    unit = folded.length === 1 && !isHighSurrogate(code) && !isLowSurrogate(code) ? folded.charCodeAt(0) : NOT_ONE_UNIT;
    bmpFoldedUnit[code] = unit;
  }
  return unit;
}

const SPACE = 0x20;
const isAsciiWhitespace = (code: number) => code === SPACE || (code >= 0x09 && code <= 0x0d);

/** Fold `text` (see the module comment). Runs in time linear in the text's length. */
export function foldTypography(text: string): FoldedText {
  const out = new FoldedBuilder(text.length);
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    // A character with marks or joined to the next, or outside the BMP, folds as a cluster.
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
    const clustered = isHighSurrogate(code) || (next >= 0x300 && kindOf(text.codePointAt(at + 1)!) === Kind.Continuation);
    if (!clustered) {
      const kind = kindOf(code);
      if (kind === Kind.Whitespace) out.space(at, at + 1);
      else if (kind !== Kind.Ignorable) {
        const unit = foldedUnitOf(code);
        if (unit === NOT_ONE_UNIT) out.units(foldCluster(text[at]!), at, at + 1);
        else out.unit(unit, at, at + 1);
      }
      at += 1;
      continue;
    }
    const clusterEnd = endOfCluster(text, at);
    out.units(foldCluster(text.slice(at, clusterEnd)), at, clusterEnd);
    at = clusterEnd;
  }
  return out.build();
}

/** Where one character and everything that belongs to it (marks, joined emoji) ends. */
function endOfCluster(text: string, start: number): number {
  let end = start + codePointLength(text, start);
  // Two regional indicators make one flag (🇺🇦); half a flag is a different picture.
  if (isRegionalIndicator(text.codePointAt(start)!) && end < text.length && isRegionalIndicator(text.codePointAt(end)!)) end += 2;
  while (end < text.length) {
    const next = text.codePointAt(end)!;
    if (kindOf(next) !== Kind.Continuation) break;
    end += next > 0xffff ? 2 : 1;
    // A zero-width joiner binds the next character too (👩‍🔬 is one picture).
    if (next === ZERO_WIDTH_JOINER && end < text.length) end += codePointLength(text, end);
  }
  return end;
}

const isRegionalIndicator = (codePoint: number) => codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;

function codePointLength(text: string, at: number): number {
  return isHighSurrogate(text.charCodeAt(at)) && at + 1 < text.length && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
}

/**
 * The original range of the folded range [start, end). Always whole characters of the
 * original: a folded unit maps to the whole character (or whitespace run) it came from.
 */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!(start >= 0 && start < end && end <= folded.text.length)) {
    throw new RangeError(`folded range ${start}–${end} is not inside 0–${folded.text.length}`);
  }
  return { start: folded.originStart[start]!, end: folded.originEnd[end - 1]! };
}

/**
 * [start, end) of the folded text moved to the boundaries of the original characters
 * it came from, where it cuts one (half the units of an emoji with its skin tone, one dot
 * of a folded "…"): a character more than half inside is taken in whole, one half inside
 * or less is left out. originalRange would always take it in whole, and so stretch an
 * approximate match over a neighbouring emoji that matched only as substitutions.
 */
export function wholeCharacters(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const { originStart } = folded;
  const sameCharacter = (a: number, b: number) => originStart[a] === originStart[b];
  let wholeStart = start;
  if (start > 0 && start < folded.text.length && sameCharacter(start - 1, start)) {
    let first = start;
    while (first > 0 && sameCharacter(first - 1, start)) first--;
    let after = start;
    while (after < folded.text.length && sameCharacter(after, start)) after++;
    wholeStart = (after - start) * 2 > after - first ? first : after;
  }
  let wholeEnd = end;
  if (end > 0 && end < folded.text.length && sameCharacter(end - 1, end)) {
    let first = end - 1;
    while (first > 0 && sameCharacter(first - 1, end - 1)) first--;
    let after = end;
    while (after < folded.text.length && sameCharacter(after, end - 1)) after++;
    wholeEnd = (end - first) * 2 > after - first ? after : first;
  }
  return wholeStart < wholeEnd ? { start: wholeStart, end: wholeEnd } : { start, end };
}

/** The folded units and their origins, in typed arrays grown as needed. */
class FoldedBuilder {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private inWhitespace = false;

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
    this.starts = new Int32Array(this.codes.length);
    this.ends = new Int32Array(this.codes.length);
  }

  unit(code: number, start: number, end: number) {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
    this.inWhitespace = false;
  }

  /** Whitespace: a run of it is one space, standing for the whole run. */
  space(start: number, end: number) {
    if (this.inWhitespace) this.ends[this.length - 1] = end;
    else {
      this.unit(SPACE, start, end);
      this.inWhitespace = true;
    }
  }

  /** The folded form of one cluster: every unit stands for the whole cluster. */
  units(folded: string, start: number, end: number) {
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      // NFKC turns some characters into a space and a mark (¨ → " ̈"): still one run of space.
      if (isAsciiWhitespace(code)) this.space(start, end);
      else this.unit(code, start, end);
    }
  }

  build(): FoldedText {
    const CHUNK = 8192; // String.fromCharCode takes its units as arguments: keep the count modest
    let text = "";
    for (let at = 0; at < this.length; at += CHUNK) {
      // apply, not a spread: a spread copies the typed array into an array first (10× slower).
      text += String.fromCharCode.apply(null, this.codes.subarray(at, Math.min(this.length, at + CHUNK)) as unknown as number[]);
    }
    return { text, originStart: this.starts.subarray(0, this.length), originEnd: this.ends.subarray(0, this.length) };
  }

  private grow() {
    const grown = (array: Int32Array) => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    const codes = new Uint16Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }
}
