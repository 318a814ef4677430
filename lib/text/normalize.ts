/**
 * The comparison key for names, aliases and claim texts: Unicode NFC, lower case,
 * whitespace collapsed. "Dmitry  Peskov" and "dmitry peskov" are the same actor.
 */
export function normalizeKey(value: string): string {
  return value.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/gu, " ").trim();
}

/** Trim and collapse runs of whitespace, keeping case: how names are stored for display. */
export function tidyText(value: string): string {
  return value.replace(/\s+/gu, " ").trim();
}
