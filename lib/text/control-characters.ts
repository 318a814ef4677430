/**
 * C0 control characters (NUL, CR, LF, ESC, …) and DEL. None belongs in a search, a
 * filter value or a one-line field, and some break what lies behind them: a NUL in a
 * full-text query made SQLite's FTS5 fail (a 500, an error page, an export cut after its
 * headers), CR LF in a redirect would split a header. Query parameters with one are
 * refused with a 400 naming the parameter; multi-line fields (article text, notes) take
 * tab and line breaks and refuse the rest.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTER_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = "must not contain control characters";

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** For multi-line text: tab, LF and CR are allowed, every other control character is not. */
export function hasControlCharacterBesidesLineBreaks(value: string): boolean {
  return CONTROL_CHARACTER_BUT_LINE_BREAKS.test(value);
}
