/**
 * What a user typed in the search box, as search terms. Nothing the user types is query
 * syntax: quoted phrases stay phrases, every other word matches as a prefix ("pesk" finds
 * Peskov), and operators, parentheses or column filters are just text. Each database
 * renders the terms in its own syntax (SQLite FTS5 here; lib/claims/search/full-text.ts
 * chooses).
 */
export type SearchTerm = { kind: "phrase" | "prefix"; text: string };

export function parseSearchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const phrasePattern = /"([^"]*)"|(\S+)/gu;
  for (const match of input.matchAll(phrasePattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (hasSearchableText(phrase)) terms.push({ kind: "phrase", text: phrase });
    } else if (word !== undefined) {
      // Drop the quote characters of an unbalanced quote; keep the rest of the word.
      const cleaned = word.replace(/"/g, "");
      if (hasSearchableText(cleaned)) terms.push({ kind: "prefix", text: cleaned });
    }
  }
  return terms;
}

/**
 * The terms as an FTS5 query: every term a quoted string (so FTS5 reads nothing in it as
 * syntax), prefix terms followed by `*`. Null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = parseSearchTerms(input);
  if (terms.length === 0) return null;
  return terms.map((term) => (term.kind === "phrase" ? quote(term.text) : `${quote(term.text)}*`)).join(" ");
}

function hasSearchableText(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * Any of `words` in the claim text or the quotes, as an FTS5 query: the candidate search of
 * the similar-claims matcher (lib/claims/similar). Words ending in `*` match as prefixes
 * (a stem: "kill*" finds "killed"), others exactly; null when none is searchable.
 */
export function toAnyWordFtsQuery(words: readonly string[]): string | null {
  const terms = words
    .map((word) => ({ prefix: word.endsWith("*"), text: word.replace(/\*$/u, "") }))
    .filter((term) => hasSearchableText(term.text))
    .map((term) => (term.prefix ? `${quote(term.text)}*` : quote(term.text)));
  if (terms.length === 0) return null;
  return `{claim_text quotes} : (${[...new Set(terms)].join(" OR ")})`;
}

/**
 * The terms as a PostgreSQL tsquery (to_tsquery('simple', …)): each term is the phrase of
 * its words (`<->`), a prefix term's last word with `:*`, and all terms must match (`&`).
 * Only runs of letters and digits become lexemes, each quoted, so nothing the user typed
 * is tsquery syntax. Words are folded by the database (claimtrail_fold) as the documents are.
 * Null when nothing searchable is left.
 */
export function toTsQuery(input: string): string | null {
  const parts: string[] = [];
  for (const term of parseSearchTerms(input)) {
    const words = term.text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
    if (words.length === 0) continue;
    const lexemes = words.map((word, index) => `'${word}'${term.kind === "prefix" && index === words.length - 1 ? ":*" : ""}`);
    parts.push(lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(" <-> ")})`);
  }
  return parts.length === 0 ? null : parts.join(" & ");
}

/**
 * toAnyWordFtsQuery for PostgreSQL: any of `words` as a tsquery over the claim text (weight
 * A) and the quotes (weight B) only, `word:*AB` for a stem ending in `*`. Only runs of
 * letters and digits become lexemes, so nothing in a word is tsquery syntax.
 */
export function toAnyWordTsQuery(words: readonly string[]): string | null {
  const lexemes = new Set<string>();
  for (const word of words) {
    const prefix = word.endsWith("*");
    for (const run of word.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) lexemes.add(`'${run}':${prefix ? "*" : ""}AB`);
  }
  return lexemes.size === 0 ? null : [...lexemes].join(" | ");
}
