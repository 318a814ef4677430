/**
 * A tiny tagged-template SQL builder: values become bound parameters, nested fragments
 * are spliced in with their parameters. Every dynamic query in the app is built with it,
 * so no user value is ever concatenated into SQL text.
 */
export type Sql = { readonly text: string; readonly params: readonly unknown[] };

const isSql = (value: unknown): value is Sql =>
  typeof value === "object" && value !== null && "text" in value && "params" in value;

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? "";
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[index + 1] ?? "";
  });
  return { text, params };
}

/** Raw SQL text, for identifiers and keywords chosen by code from a fixed list, never by users. */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export function join(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((part) => part.text).join(separator),
    params: parts.flatMap((part) => part.params),
  };
}

/** `(?, ?, ?)` for an IN list; callers make sure the list is not empty. */
export function list(values: readonly unknown[]): Sql {
  return { text: `(${values.map(() => "?").join(", ")})`, params: [...values] };
}

/** Conditions joined with AND; an empty list is always true. */
export function and(conditions: readonly Sql[]): Sql {
  return conditions.length === 0 ? raw("1 = 1") : join(conditions.map((c) => sql`(${c})`), " AND ");
}

/**
 * The query's text with PostgreSQL's numbered placeholders (`$1`, `$2`, …) for the `?`
 * the builder writes.
 */
export function numberedPlaceholders(text: string): string {
  return replacePlaceholders(text, (index) => `$${index + 1}`);
}

/**
 * `text` with each `?` the builder wrote replaced by `replacement(index)`, its parameter's
 * index, or left as it is where that gives null. A `?` inside a quoted literal or
 * identifier is left alone; none of the queries has one, but a literal written by hand
 * must not be taken for a placeholder.
 */
export function replacePlaceholders(text: string, replacement: (index: number) => string | null): string {
  let index = 0;
  let quote: string | null = null;
  let out = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "?") {
      out += replacement(index++) ?? char;
      continue;
    }
    out += char;
  }
  return out;
}
