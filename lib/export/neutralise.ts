/**
 * Formula-injection protection for spreadsheet cells (OWASP "CSV Injection"): a cell that
 * begins with = + - @, a tab or a carriage return (or the full-width ＝ ＋ － ＠ that some
 * spreadsheets fold into them) gets a single quote in front, so a spreadsheet shows it as
 * text instead of running it.
 *
 * The plain OWASP rule is not reversible: "=1" and "'=1" would both come out as "'=1". So
 * a cell that begins with one or more single quotes followed by a trigger character is
 * quoted too. Then exactly the cells matching ^'+[trigger] were neutralised, and removing
 * one leading quote from those (and only those) restores the original value: the importer
 * reads back every value exactly.
 */
const TRIGGERS = "=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20";

/** Values that get a protective quote: optional quotes, then a trigger character. */
const NEEDS_QUOTE = new RegExp(`^'*[${TRIGGERS}]`);
/** Values that carry one: at least one quote, then a trigger character. */
const HAS_QUOTE = new RegExp(`^'+[${TRIGGERS}]`);

export function neutraliseCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

export function unneutraliseCell(value: string): string {
  return HAS_QUOTE.test(value) ? value.slice(1) : value;
}
