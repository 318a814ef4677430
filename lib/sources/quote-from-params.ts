import { anchorAt } from "@/lib/sources/anchoring";

type Param = string | string[] | undefined;

/** The quote a reader selected, from `start` and `end` in the URL, checked against the text. */
export function quoteFromParams(text: string, start: Param, end: Param): { quote: string; start: number; end: number } | null {
  if (typeof start !== "string" || typeof end !== "string") return null;
  const anchored = anchorAt(text, Number(start), Number(end));
  return anchored.ok ? { quote: anchored.anchor.quote, start: anchored.anchor.quoteStart, end: anchored.anchor.quoteEnd } : null;
}
