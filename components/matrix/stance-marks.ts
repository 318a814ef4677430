import type { MatrixStance } from "@/lib/claims/stance-matrix";

/**
 * How each stance looks in the matrix. Every stance has its own symbol, word and border
 * style as well as its colour, so the matrix reads the same without colour (WCAG 1.4.1).
 */
export const STANCE_MARKS: Record<MatrixStance, { symbol: string; word: string; label: string; meaning: string }> = {
  asserts: { symbol: "✔", word: "asserts", label: "asserts", meaning: "states the claim as fact" },
  denies: { symbol: "✘", word: "denies", label: "denies", meaning: "rejects the claim" },
  reports: { symbol: "◇", word: "reports", label: "reports", meaning: "passes the claim on without taking a side" },
  declines_to_clarify: { symbol: "…", word: "declines", label: "declines to clarify", meaning: "was asked about the claim and would not say" },
  relays: { symbol: "↪", word: "relays", label: "relays", meaning: "takes no stance; someone else’s words reached the source through this actor" },
};
