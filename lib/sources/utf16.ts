/**
 * Offsets in Claimtrail count UTF-16 code units (JavaScript string indices). A character
 * outside the Basic Multilingual Plane (an emoji, say) takes two of them, a surrogate
 * pair; a range that ends between the two halves holds half a character, which is not
 * text and cannot be stored. These helpers keep ranges on character boundaries.
 */

export const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** [start, end) widened, where needed, to take in whole characters at both ends. */
export function widenToCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}
