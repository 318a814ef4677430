/**
 * Turn what a user typed into a safe FTS5 query. Nothing the user types is FTS syntax:
 * every word becomes a quoted string (so AND, NEAR, *, ^, parentheses and column filters
 * are just text), quoted phrases stay phrases, and each bare word matches as a prefix
 * ("pesk" finds Peskov). Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const phrasePattern = /"([^"]*)"|(\S+)/gu;
  for (const match of input.matchAll(phrasePattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (hasSearchableText(phrase)) terms.push(quote(phrase));
    } else if (word !== undefined) {
      // Drop the quote characters of an unbalanced quote; keep the rest of the word.
      const cleaned = word.replace(/"/g, "");
      if (hasSearchableText(cleaned)) terms.push(`${quote(cleaned)}*`);
    }
  }
  return terms.length > 0 ? terms.join(" ") : null;
}

function hasSearchableText(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
